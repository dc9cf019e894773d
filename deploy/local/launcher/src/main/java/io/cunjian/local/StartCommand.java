package io.cunjian.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;

import io.cunjian.infrastructure.KafkaCluster;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Topics;
import io.cunjian.infrastructure.TokenMinter;

/**
 * {@code start}: PostgreSQL, then Kafka with its topics, then each service not running yet, then
 * the seeds. Whatever already runs is left as it is, so a second {@code start} is harmless.
 */
final class StartCommand implements StackCommand {

    /**
     * What {@code start} was asked for. A new option of {@code start} becomes a field here and a
     * case in {@link #parse}; what it changes about the instance itself (how many brokers, which
     * further processes) belongs in {@link StackSettings}, so that the end-to-end suite's instance
     * can ask for the same.
     *
     * @param embeddedPostgres the embedded PostgreSQL even when the machine has one
     * @param deviceSimulator  the seeded cameras' simulated gateway (off: {@code --without-device-simulator})
     */
    record Options(boolean embeddedPostgres, boolean deviceSimulator) {

        /** Words it does not know are ignored, as they always were. */
        static Options parse(List<String> args) {
            return new Options(args.contains("--embedded-pg") || Postgres.embeddedForced(),
                    !args.contains("--without-device-simulator"));
        }
    }

    @Override
    public int run(Stack stack, List<String> args) throws Exception {
        return start(stack, Options.parse(args));
    }

    int start(Stack stack, Options options) throws Exception {
        TokenMinter.ensureKeyPair(stack.keys());
        Postgres.Server db = stack.databases().start(options.embeddedPostgres());
        stack.databases().prepare(db);
        Stack.say("PostgreSQL", (db.embedded() ? "embedded" : "machine") + " server at " + db.host() + ":" + db.port()
                + ", databases " + stack.services().stream().map(ServiceDescriptor::database).toList());

        KafkaCluster kafka = stack.kafka();
        boolean wasRunning = kafka.running().size() == kafka.nodes().size();
        List<Long> kafkaPids = kafka.start(Duration.ofSeconds(90));
        Files.writeString(Stack.brokersFile(stack.state()), Integer.toString(kafka.nodes().size()));
        try (Admin admin = kafka.admin()) {
            Topics.ensure(admin, "", kafka.replicationFactor(), kafka.minInsyncReplicas());
        }
        Stack.say("Kafka", (wasRunning ? "already running" : "started") + " (" + kafka.nodes().size()
                + (kafka.nodes().size() == 1 ? " broker" : " brokers") + ", pids " + kafkaPids + ") at "
                + kafka.bootstrapServers() + ", topics " + Topics.specs().stream().map(Topics.Spec::name).toList()
                + " with " + kafka.replicationFactor() + (kafka.replicationFactor() == 1 ? " copy" : " copies, min ISR "
                + kafka.minInsyncReplicas()));

        if (!startServices(stack, db)) {
            return 1;
        }
        Monitoring monitoring = stack.settings().monitoring();
        Files.writeString(Stack.monitoringFile(stack.state()), monitoring != null ? "on" : "off");
        if (monitoring != null) {
            boolean watching = stack.prometheus().running().isPresent();
            long pid = stack.prometheus().start(monitoring.jobs(stack.services(), kafka.nodes().size()), Duration.ofSeconds(60));
            Stack.say("Prometheus", (watching ? "already running" : "started") + " (pid " + pid + ") at "
                    + stack.prometheus().url() + ", scraping the services and " + kafka.nodes().size()
                    + (kafka.nodes().size() == 1 ? " broker" : " brokers") + " every " + monitoring.scrapeInterval().toSeconds()
                    + " s, rules " + monitoring.ruleFiles().stream().map(f -> f.getFileName().toString()).toList());
        }
        if (stack.settings().loadSeeds()) {
            Seeds.Report report = stack.seeds().load();
            Stack.say("seeds", report.created() + " created, " + report.existing() + " already there ("
                    + Seeds.files(stack.root().resolve("seeds")) + ")");
            startDeviceSimulator(stack, options);
        }
        printWhereEverythingIs(stack, db);
        return 0;
    }

    /** The seeded cameras keep beating (as demo.device) unless asked not to; a second start leaves a running one be. */
    private static void startDeviceSimulator(Stack stack, Options options) {
        Optional<ProcessHandle> running = stack.deviceSimulator();
        if (!options.deviceSimulator()) {
            Stack.say("device simulator", running.map(h -> "left running (pid " + h.pid() + "): stop it with stack stop")
                    .orElse("off (--without-device-simulator): the seeded cameras go off line after one online window"));
        } else if (running.isPresent()) {
            Stack.say("device simulator", "already running (pid " + running.get().pid() + ")");
        } else {
            long pid = stack.startDeviceSimulator();
            Stack.say("device simulator", "started (pid " + pid + "): the seeded cameras' heartbeats as "
                    + DeviceSimulator.USER + " every " + stack.deviceSimulatorInterval().toSeconds() + " s, log "
                    + stack.root().relativize(stack.state().resolve("logs/device-simulator.log")));
        }
    }

    /** Launches every service that does not run yet, all at once, then waits for each: they start in parallel. */
    private static boolean startServices(Stack stack, Postgres.Server db) {
        ServiceProcesses processes = stack.serviceProcesses();
        List<ServiceDescriptor> starting = new ArrayList<>();
        for (ServiceDescriptor s : stack.services()) {
            Optional<ProcessHandle> running = processes.alive(s);
            if (running.isPresent()) {
                Stack.say(s.name(), "already running (pid " + running.get().pid() + ")");
                continue;
            }
            if (Processes.portAnswers("127.0.0.1", s.port())) {
                throw new IllegalStateException("port " + s.port() + " of " + s.name()
                        + " is taken by a process the stack did not start");
            }
            processes.launch(s, db);
            starting.add(s);
        }
        for (ServiceDescriptor s : starting) {
            if (!processes.awaitReady(s, Duration.ofSeconds(120))) {
                return false;
            }
            Stack.say(s.name(), "started (pid " + processes.alive(s).map(ProcessHandle::pid).orElse(-1L) + ")");
        }
        return true;
    }

    private static void printWhereEverythingIs(Stack stack, Postgres.Server db) {
        Path root = stack.root();
        System.out.println();
        System.out.println("Cunjian is running.");
        for (ServiceDescriptor s : stack.services()) {
            System.out.printf("  %-17s %s   Swagger UI %s/q/swagger-ui   OpenAPI %s/q/openapi   health %s/q/health%n",
                    s.name(), s.baseUrl(), s.baseUrl(), s.baseUrl(), s.baseUrl());
        }
        stack.services().stream().filter(s -> s.name().equals("reporting")).forEach(s -> System.out.println(
                "  Dashboard         " + s.baseUrl() + "/dashboard/   (sign in as a demo user, README \"The web pages\")"));
        stack.services().stream().filter(s -> s.name().equals("work-orders")).forEach(s -> System.out.println(
                "  Phone page        " + s.baseUrl() + "/contractor/   verification queue " + s.baseUrl() + "/staff/"));
        System.out.println("  Kafka             " + stack.kafka().bootstrapServers() + " (KRaft, "
                + stack.kafka().nodes().size() + (stack.kafka().nodes().size() == 1 ? " broker" : " brokers")
                + "; state in " + root.relativize(stack.state()) + ")");
        System.out.println("  PostgreSQL        " + db.host() + ":" + db.port() + " user " + db.user()
                + (db.embedded() ? " (embedded)" : " (this machine's)"));
        if (stack.settings().monitoring() != null) {
            System.out.println("  Prometheus        " + stack.prometheus().url() + "/   (alerts, targets, queries; docs/operations/metrics.md)");
        }
        System.out.println("  Logs              " + root.relativize(stack.state().resolve("logs")));
        System.out.println("  Tokens            deploy/local/stack token --role district-admin --regions 220303"
                + "   (README.md, \"Calling the APIs\")");
        System.out.println("  Check it          deploy/local/stack smoke      Stop it   deploy/local/stack stop");
    }
}
