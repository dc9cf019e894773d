package io.cunjian.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cunjian.infrastructure.KafkaCluster;
import io.cunjian.infrastructure.Processes;

/**
 * Where one instance of the stack lives: its state folder, ports and database names. The
 * developer's stack ({@code deploy/local/stack}) is {@link #standard}; {@link #isolated} is a second
 * instance beside it (the end-to-end suite's), on free ports, in its own folder and databases, so
 * that neither disturbs the other. Everything else — packaged services as separate processes, real
 * Kafka, real PostgreSQL — is the same code path.
 *
 * @param state            Kafka data, embedded PostgreSQL, logs, pids and the signing key pair
 * @param servicePorts     service name → HTTP port; a service not listed keeps its configured port
 * @param databasePrefix   replaces {@code cunjian_} in each service's database name; empty keeps the names
 * @param freshDatabases   drop and create the databases on start (an isolated run starts from nothing)
 * @param loadSeeds        load {@code seeds/} after start
 * @param environment      extra environment for every service (e.g. a short camera online window)
 * @param brokers          Kafka nodes: 1 (fast start, one copy of everything) or 3 (each topic copied three times)
 * @param moreKafkaPorts   the ports of nodes 2 and 3 when there are three (node 1 has kafkaPort and kafkaControllerPort)
 * @param monitoring       Prometheus and the brokers' JMX exporter agents; null: no monitoring
 */
public record StackSettings(Path state, int kafkaPort, int kafkaControllerPort, int embeddedPgPort,
        Map<String, Integer> servicePorts, String databasePrefix, boolean freshDatabases, boolean loadSeeds,
        Map<String, String> environment, int brokers, List<KafkaCluster.Ports> moreKafkaPorts, Monitoring monitoring) {

    /** The Kafka layouts the stack knows: one node, or three voters with three copies of each partition. */
    public static final List<Integer> BROKER_COUNTS = List.of(1, 3);

    public StackSettings {
        if (!BROKER_COUNTS.contains(brokers)) {
            throw new IllegalArgumentException("brokers: " + brokers + " is not one of " + BROKER_COUNTS);
        }
    }

    /** Settings without monitoring. */
    public StackSettings(Path state, int kafkaPort, int kafkaControllerPort, int embeddedPgPort,
            Map<String, Integer> servicePorts, String databasePrefix, boolean freshDatabases, boolean loadSeeds,
            Map<String, String> environment, int brokers, List<KafkaCluster.Ports> moreKafkaPorts) {
        this(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix, freshDatabases,
                loadSeeds, environment, brokers, moreKafkaPorts, null);
    }

    /** Settings as they were before there was a choice of brokers: one node. */
    public StackSettings(Path state, int kafkaPort, int kafkaControllerPort, int embeddedPgPort,
            Map<String, Integer> servicePorts, String databasePrefix, boolean freshDatabases, boolean loadSeeds,
            Map<String, String> environment) {
        this(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix, freshDatabases,
                loadSeeds, environment, 1, List.of());
    }

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    /** The embedded server's port: apart from 5432 so that it can run beside the machine's. */
    static final int EMBEDDED_PG_PORT = 15432;

    /** The developer's stack: {@code deploy/local/.state}, fixed ports, databases as configured, seeds. */
    public static StackSettings standard(Path root) {
        // nodes 2 and 3 next to the first: 9094/9095 and 9096/9097
        return new StackSettings(root.resolve("deploy/local/.state"), KAFKA_PORT, KAFKA_CONTROLLER_PORT, EMBEDDED_PG_PORT,
                Map.of(), "", false, true, Map.of(), 1, List.of(new KafkaCluster.Ports(KAFKA_PORT + 2, KAFKA_CONTROLLER_PORT + 2),
                        new KafkaCluster.Ports(KAFKA_PORT + 4, KAFKA_CONTROLLER_PORT + 4)));
    }

    /**
     * An instance of its own: free ports for Kafka, the embedded PostgreSQL and each service,
     * databases {@code <databasePrefix><service>} created afresh, no seeds.
     */
    public static StackSettings isolated(Path root, Path state, String databasePrefix) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceDescriptor s : ServiceDescriptor.discover(root)) {
            ports.put(s.name(), Processes.freePort());
        }
        return new StackSettings(state, Processes.freePort(), Processes.freePort(), Processes.freePort(), ports,
                databasePrefix, true, false, Map.of(), 1, List.of(new KafkaCluster.Ports(Processes.freePort(), Processes.freePort()),
                        new KafkaCluster.Ports(Processes.freePort(), Processes.freePort())));
    }

    /** The same instance with {@code count} Kafka nodes. */
    public StackSettings withBrokers(int count) {
        return new StackSettings(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix,
                freshDatabases, loadSeeds, environment, count, moreKafkaPorts, monitoring);
    }

    /** The same instance watched by Prometheus as {@code with} says; null: without. */
    public StackSettings withMonitoring(Monitoring with) {
        return new StackSettings(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix,
                freshDatabases, loadSeeds, environment, brokers, moreKafkaPorts, with);
    }

    /** Every Kafka node's ports, node 1 first. */
    public List<KafkaCluster.Ports> kafkaNodes() {
        List<KafkaCluster.Ports> nodes = new java.util.ArrayList<>();
        nodes.add(new KafkaCluster.Ports(kafkaPort, kafkaControllerPort));
        nodes.addAll(moreKafkaPorts.subList(0, brokers - 1));
        return nodes;
    }

    public StackSettings withEnvironment(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.putAll(env);
        return new StackSettings(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix,
                freshDatabases, loadSeeds, Map.copyOf(all), brokers, moreKafkaPorts, monitoring);
    }

    public StackSettings withSeeds(boolean load) {
        return new StackSettings(state, kafkaPort, kafkaControllerPort, embeddedPgPort, servicePorts, databasePrefix,
                freshDatabases, load, environment, brokers, moreKafkaPorts, monitoring);
    }

    /** The services of {@code root} as this instance runs them (its ports and database names). */
    List<ServiceDescriptor> services(Path root) {
        return ServiceDescriptor.discover(root).stream()
                .map(s -> new ServiceDescriptor(s.name(), s.module(), servicePorts.getOrDefault(s.name(), s.port()),
                        databasePrefix.isEmpty() ? s.database() : databasePrefix + s.database().replaceFirst("^cunjian_", "")))
                .toList();
    }
}
