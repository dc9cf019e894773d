package io.cunjian.local;

import java.util.List;

/**
 * {@code dlq list|replay <topic>.dlq}: what consumers could not apply, with their reasons, and
 * re-sending it once the cause is fixed ({@link DeadLetters}). {@code KAFKA_BOOTSTRAP_SERVERS}
 * points it at another broker than the stack's.
 */
final class DeadLettersCommand implements StackCommand {

    @Override
    public int run(Stack stack, List<String> args) {
        if (args.size() != 2 || !args.get(1).endsWith(".dlq")) {
            System.err.println("usage: deploy/local/stack dlq list|replay <topic>.dlq");
            return 2;
        }
        boolean replay = "replay".equals(args.get(0));
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        List<DeadLetters.Letter> letters = replay ? DeadLetters.replay(bootstrap, args.get(1)) : DeadLetters.list(bootstrap, args.get(1));
        for (DeadLetters.Letter l : letters) {
            System.out.printf("%s@%d key=%s from %s/%s@%s: %s%n", l.topic(), l.offset(), l.key(), l.sourceTopic(),
                    l.sourcePartition(), l.sourceOffset(), l.reason());
        }
        System.out.println(letters.size() + " record(s) " + (replay ? "re-sent" : "waiting"));
        return 0;
    }
}
