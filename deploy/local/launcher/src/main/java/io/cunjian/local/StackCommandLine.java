package io.cunjian.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code deploy/local/stack <command>}: the script builds what is missing, then runs this with the
 * checkout's root as {@code cunjian.root}. Each command is a class of its own; this only picks it.
 */
public final class StackCommandLine {

    private static final Map<String, StackCommand> COMMANDS = Map.of(
            "start", new StartCommand(),
            "stop", new StopCommand(),
            "status", new StatusCommand(),
            "smoke", new SmokeCommand(),
            "dlq", new DeadLettersCommand(),
            "token", new TokenCommand(),
            "rebuild-reporting", new RebuildReportingCommand());

    private static final String USAGE = """
            usage: deploy/local/stack <command>
              start [--embedded-pg] [--brokers 1|3] [--with-monitoring|--without-monitoring]
                    [--without-device-simulator]
                                     build what is missing, start Kafka, PostgreSQL and the services, load seeds,
                                     start the seeded cameras' simulated gateway (heartbeats as demo.device; off
                                     with --without-device-simulator, and the seeded cameras go off line);
                                     --brokers 3: three Kafka nodes, every topic with three copies (remembered
                                     for the commands after it; default 1);
                                     --with-monitoring: Prometheus on 127.0.0.1:9090 scraping the services and the
                                     brokers (JMX exporter on 9404-9406), evaluating deploy/observability/rules
                                     (remembered too; default without)
              stop                   stop everything the stack started
              status                 what runs, with pids and health
              smoke                  check the running stack end to end (exit 1 on any failure)
              dlq list <topic>.dlq   dead-lettered records not yet replayed, with their reasons
              dlq replay <topic>.dlq re-send them to their topic once the cause is fixed
              token --role <role>[,<role>] --regions <code>[,<code>] [--contractor <18-char id>]
                    [--sub <name>] [--ttl 8h] [--keys <dir>]
                                     print a bearer token signed with the stack's key
                                     (roles: district-admin township-staff contractor viewer device)
              rebuild-reporting      reporting rebuilds its read models from offset zero while it runs and
                                     switches over when caught up; says whether each village's figures
                                     came out as before
            CUNJIAN_PG=embedded forces the embedded PostgreSQL like --embedded-pg.""";

    private StackCommandLine() {
    }

    /** How many Kafka nodes the last {@code start} started; 1 before any. */
    static int rememberedBrokers(Stack stack) throws java.io.IOException {
        Path file = Stack.brokersFile(stack.state());
        return java.nio.file.Files.exists(file) ? Integer.parseInt(java.nio.file.Files.readString(file).strip()) : 1;
    }

    /** {@code --brokers N} of {@code start}; without it the count of the last start. */
    static int brokersOption(List<String> options, int remembered) {
        int at = options.indexOf("--brokers");
        if (at < 0) {
            return remembered;
        }
        String value = at + 1 < options.size() ? options.get(at + 1) : "";
        if (!value.matches("\\d") || !StackSettings.BROKER_COUNTS.contains(Integer.parseInt(value))) {
            throw new IllegalArgumentException("--brokers takes one of " + StackSettings.BROKER_COUNTS + ", not '" + value + "'");
        }
        return Integer.parseInt(value);
    }

    /** Whether the last {@code start} started monitoring; false before any. */
    static boolean rememberedMonitoring(Stack stack) throws java.io.IOException {
        Path file = Stack.monitoringFile(stack.state());
        return java.nio.file.Files.exists(file) && "on".equals(java.nio.file.Files.readString(file).strip());
    }

    /** {@code --with-monitoring} / {@code --without-monitoring} of {@code start}; without either, what the last start did. */
    static boolean monitoringOption(List<String> options, boolean remembered) {
        if (options.contains("--with-monitoring") && options.contains("--without-monitoring")) {
            throw new IllegalArgumentException("--with-monitoring or --without-monitoring, not both");
        }
        return options.contains("--with-monitoring") || (remembered && !options.contains("--without-monitoring"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("cunjian.root", "."));
        String name = args.length == 0 ? "help" : args[0];
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        Stack stack = new Stack(root);
        int remembered = rememberedBrokers(stack);
        boolean monitored = rememberedMonitoring(stack);
        int asked;
        boolean monitoring;
        try {
            asked = "start".equals(name) ? brokersOption(options, remembered) : remembered;
            monitoring = "start".equals(name) ? monitoringOption(options, monitored) : monitored;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (asked != remembered && !stack.kafka().running().isEmpty()) {
            System.err.println("Kafka runs with " + remembered + (remembered == 1 ? " broker" : " brokers")
                    + ": stop the stack first (deploy/local/stack stop)");
            System.exit(2);
        }
        // the brokers' JMX exporter is part of their command line: it comes and goes with a restart of Kafka
        if (monitoring != monitored && !stack.kafka().running().isEmpty()) {
            System.err.println("Kafka runs " + (monitored ? "with" : "without") + " monitoring: stop the stack first (deploy/local/stack stop)");
            System.exit(2);
        }
        if (asked != 1 || monitoring) {
            stack = new Stack(root, stack.settings().withBrokers(asked).withMonitoring(monitoring ? Monitoring.standard(root) : null));
        }
        StackCommand command = COMMANDS.get(name);
        int exit;
        if (command != null) {
            exit = command.run(stack, options);
        } else {
            System.out.println(USAGE);
            exit = "help".equals(name) ? 0 : 2;
        }
        System.exit(exit);
    }
}
