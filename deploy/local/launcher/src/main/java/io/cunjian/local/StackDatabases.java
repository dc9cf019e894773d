package io.cunjian.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.cunjian.infrastructure.KafkaCluster;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;

/**
 * The PostgreSQL side of a stack instance: which server it runs on (the machine's, or an embedded
 * one started as a process of its own), recorded in {@code stack.properties} so that later
 * commands find the same server, and the services' databases kept together with the broker's
 * topics.
 */
final class StackDatabases {

    private final Stack stack;

    StackDatabases(Stack stack) {
        this.stack = stack;
    }

    /**
     * The server to use: the one the instance already runs on, unless nothing runs and the other
     * kind is asked for; else the machine's when it answers and embedded is not forced, else the
     * embedded one (started if needed).
     */
    Postgres.Server start(boolean forceEmbedded) throws IOException {
        Optional<Postgres.Server> recorded = recorded();
        if (recorded.isPresent() && (!recorded.get().embedded() || embeddedServer().isPresent())) {
            Postgres.Server db = recorded.get();
            boolean anyServiceRunning = stack.services().stream()
                    .anyMatch(s -> stack.serviceProcesses().alive(s).isPresent());
            if (anyServiceRunning || db.embedded() == forceEmbedded) {
                if (db.embedded() != forceEmbedded) {
                    System.out.println("note: the stack already runs on the " + (db.embedded() ? "embedded" : "machine's")
                            + " PostgreSQL; stop it first to switch.");
                }
                return db;
            }
        }
        Postgres.Server db = !forceEmbedded && Postgres.machineServerAnswers()
                ? new Postgres.Server(Postgres.MACHINE_HOST, Postgres.MACHINE_PORT, Postgres.USER, false)
                : startEmbedded();
        record(db);
        return db;
    }

    /** The embedded server runs in a JVM of its own, so that it outlives this command (like the broker). */
    private Postgres.Server startEmbedded() {
        Path log = stack.state().resolve("postgres/postgres.log");
        int port = stack.settings().embeddedPgPort();
        if (embeddedServer().isEmpty()) {
            long pid = Processes.startDetached(List.of(Processes.javaBin(), "-Xmx128m",
                    "-cp", System.getProperty("java.class.path"), EmbeddedPostgresServer.class.getName(),
                    stack.state().resolve("postgres/data").toString(), Integer.toString(port)),
                    Map.of(), stack.root(), log);
            Processes.writePid(pidFile(), pid);
            if (!Processes.await(Duration.ofSeconds(90), () -> Processes.logContains(log, EmbeddedPostgresServer.READY_LINE)
                    || embeddedServer().isEmpty()) || embeddedServer().isEmpty()) {
                throw new IllegalStateException("embedded PostgreSQL did not start:\n" + Processes.tail(log, 30));
            }
        }
        return new Postgres.Server("127.0.0.1", port, Postgres.USER, true);
    }

    private void record(Postgres.Server db) throws IOException {
        Properties p = new Properties();
        p.setProperty("db.host", db.host());
        p.setProperty("db.port", Integer.toString(db.port()));
        p.setProperty("db.user", db.user());
        p.setProperty("db.embedded", Boolean.toString(db.embedded()));
        Files.createDirectories(stack.state());
        try (var out = Files.newBufferedWriter(stack.state().resolve("stack.properties"))) {
            p.store(out, "the database the running stack uses");
        }
    }

    /** The server the instance was last started on, if it was. */
    Optional<Postgres.Server> recorded() {
        Path file = stack.state().resolve("stack.properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = ServiceDescriptor.load(file);
        return Optional.of(new Postgres.Server(p.getProperty("db.host"), Integer.parseInt(p.getProperty("db.port")),
                p.getProperty("db.user"), Boolean.parseBoolean(p.getProperty("db.embedded"))));
    }

    /** The embedded server's process, when the stack started one and it runs. */
    Optional<ProcessHandle> embeddedServer() {
        return Processes.alive(pidFile());
    }

    /** Stops the embedded server, if the stack started one; true when it was running. */
    boolean stopEmbeddedServer() {
        return Processes.stop(pidFile(), Duration.ofSeconds(30));
    }

    private Path pidFile() {
        return stack.state().resolve("postgres/server.pid");
    }

    /**
     * The services' databases and the broker's topics are one world: rows whose events went to
     * another broker (a second checkout's stack on the same PostgreSQL, a deleted state folder,
     * the other PostgreSQL) never reach this broker's consumers, and reporting would silently miss
     * them. So each database carries the cluster id of the broker it goes with; unless all of
     * them carry this broker's, both start afresh (seeds are loaded again) — and the stack says so.
     */
    void prepare(Postgres.Server db) {
        KafkaCluster kafka = stack.kafka();
        boolean fresh = stack.settings().freshDatabases();
        List<String> names = stack.services().stream().map(ServiceDescriptor::database).toList();
        boolean brokerHadStorage = kafka.hasStorage();
        String mark = worldMark(kafka.clusterId());
        Map<String, String> existing = Postgres.comments(db, names);
        boolean oneWorld = existing.size() == names.size() && existing.values().stream().allMatch(mark::equals);
        if (oneWorld && !fresh) {
            return;
        }
        if (!kafka.running().isEmpty()) {
            throw new IllegalStateException("databases " + names + " do not all go with the running Kafka;"
                    + " stop the stack (deploy/local/stack stop) and start it again to start both afresh");
        }
        if (!fresh && !existing.isEmpty()) {
            Stack.say("PostgreSQL", "databases " + existing.keySet() + " and the broker's topics do not go together"
                    + " (another checkout's stack, or the other PostgreSQL?): both start afresh");
        } else if (!fresh && brokerHadStorage) {
            Stack.say("PostgreSQL", "no databases here for the broker's topics (the other PostgreSQL?): both start afresh");
        }
        kafka.wipe();
        String newMark = worldMark(kafka.clusterId());
        for (String name : names) {
            Postgres.recreateDatabase(db, name);
            Postgres.comment(db, name, newMark);
        }
    }

    private static String worldMark(String kafkaClusterId) {
        return "cunjian stack; events on Kafka cluster " + kafkaClusterId;
    }
}
