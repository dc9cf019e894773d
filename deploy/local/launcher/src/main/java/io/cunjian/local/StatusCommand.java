package io.cunjian.local;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;

import io.cunjian.infrastructure.KafkaBroker;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Topics;

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
        allUp &= kafka(stack);
        for (ServiceDescriptor s : stack.services()) {
            Optional<ProcessHandle> p = stack.serviceProcesses().alive(s);
            int ready = p.isPresent() ? HttpProbe.status(s.baseUrl() + "/q/health/ready") : -1;
            allUp &= ready == 200;
            Stack.say(s.name(), p.map(h -> "running (pid " + h.pid() + ") at " + s.baseUrl() + ", readiness "
                    + (ready == 200 ? "UP" : "DOWN (" + ready + ")")).orElse("not running"));
        }
        allUp &= prometheus(stack);
        return allUp ? 0 : 3;
    }

    /** Prometheus, when the stack was started with monitoring (or it runs anyway): pid, address, targets up. */
    private static boolean prometheus(Stack stack) {
        Optional<ProcessHandle> p = stack.prometheus().running();
        if (stack.settings().monitoring() == null && p.isEmpty()) {
            return true;
        }
        if (p.isEmpty()) {
            Stack.say("Prometheus", "not running, at " + stack.prometheus().url());
            return false;
        }
        try {
            int up = 0;
            int all = 0;
            for (var target : stack.prometheus().targets()) {
                all++;
                up += "up".equals(target.path("health").asText()) ? 1 : 0;
            }
            Stack.say("Prometheus", "running (pid " + p.get().pid() + ") at " + stack.prometheus().url() + ", targets up "
                    + up + " of " + all + ", alerts firing " + firing(stack));
            return true;
        } catch (RuntimeException e) {
            Stack.say("Prometheus", "running (pid " + p.get().pid() + ") at " + stack.prometheus().url() + ", API not answering: " + e.getMessage());
            return false;
        }
    }

    private static java.util.List<String> firing(Stack stack) {
        java.util.List<String> names = new java.util.ArrayList<>();
        stack.prometheus().alerts().forEach(a -> {
            if ("firing".equals(a.path("state").asText())) {
                names.add(a.path("labels").path("alertname").asText());
            }
        });
        return names;
    }

    /** Each broker (id, port, pid, up) and, while one answers, each topic's copies; true when all brokers run. */
    private static boolean kafka(Stack stack) {
        boolean allUp = true;
        for (KafkaBroker node : stack.kafka().nodes()) {
            Optional<ProcessHandle> p = node.running();
            allUp &= p.isPresent();
            Stack.say("Kafka broker " + node.nodeId(), p.map(h -> "running (pid " + h.pid() + ") at " + node.bootstrapServers()
                    + ", up").orElse("not running, at " + node.bootstrapServers() + ", down"));
        }
        if (stack.kafka().running().isEmpty()) {
            return false;
        }
        try (Admin admin = stack.kafka().admin()) {
            for (Topics.Replication t : Topics.replication(admin, "")) {
                Stack.say("  topic", String.format("%-26s %2d partitions, RF %d, min ISR %s, under-replicated %d",
                        t.name(), t.partitions(), t.replicationFactor(), t.minInsyncReplicas(), t.underReplicated()));
            }
        } catch (Exception e) {
            Stack.say("  topics", "not readable: " + e.getMessage());
            allUp = false;
        }
        return allUp;
    }
}
