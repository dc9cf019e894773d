package io.cunjian.local;

import java.util.List;
import java.util.Optional;

import io.cunjian.infrastructure.Postgres;

/** {@code status}: what runs, with pids and readiness; exit 3 unless everything is up, so scripts can wait on it. */
final class StatusCommand implements StackCommand {

    @Override
    public int run(Stack stack, List<String> args) {
        boolean allUp = true;
        Optional<Postgres.Server> db = stack.databases().recorded();
        if (db.isPresent() && db.get().embedded()) {
            Optional<ProcessHandle> pg = stack.databases().embeddedServer();
            allUp &= pg.isPresent();
            Stack.say("PostgreSQL", pg.map(h -> "embedded, running (pid " + h.pid() + ") on port " + db.get().port())
                    .orElse("embedded, not running"));
        } else {
            boolean up = Postgres.machineServerAnswers();
            allUp &= up;
            Stack.say("PostgreSQL", "machine server at 127.0.0.1:5432 " + (up ? "answers" : "does not answer"));
        }
        Optional<ProcessHandle> k = stack.kafka().running();
        allUp &= k.isPresent();
        Stack.say("Kafka", k.map(h -> "running (pid " + h.pid() + ") at " + stack.kafka().bootstrapServers()).orElse("not running"));
        for (ServiceDescriptor s : stack.services()) {
            Optional<ProcessHandle> p = stack.serviceProcesses().alive(s);
            int ready = p.isPresent() ? HttpProbe.status(s.baseUrl() + "/q/health/ready") : -1;
            allUp &= ready == 200;
            Stack.say(s.name(), p.map(h -> "running (pid " + h.pid() + ") at " + s.baseUrl() + ", readiness "
                    + (ready == 200 ? "UP" : "DOWN (" + ready + ")")).orElse("not running"));
        }
        return allUp ? 0 : 3;
    }
}
