package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Prometheus JMX exporter java agent in each Kafka node: the broker's own MBeans as Prometheus
 * metrics on {@code 127.0.0.1:<port>/metrics}, one port per node. The agent jar comes from Maven
 * Central through {@code deploy/local/kafka-dist} (like the broker's jars) and never reaches the
 * broker's class path.
 *
 * @param agentJar the {@code jmx_prometheus_javaagent} jar
 * @param ports    the metrics port of node 1, 2, 3…
 */
public record BrokerMetrics(Path agentJar, List<Integer> ports) {

    /** Where kafka-dist copies the agent (without its version in the name). */
    public static Path agentJar(Path root) {
        return root.resolve("deploy/local/kafka-dist/target/jmx-exporter/jmx_prometheus_javaagent.jar");
    }

    /**
     * Only what an operator of these brokers reads: traffic and failed requests per topic, replication
     * health, the controller and request latencies. Everything else the broker registers (thousands of
     * series) would cost a scrape every few seconds for nothing.
     */
    static final List<String> OBJECT_NAMES = List.of(
            "kafka.server:type=BrokerTopicMetrics,*",
            "kafka.server:type=ReplicaManager,*",
            "kafka.controller:type=KafkaController,*",
            "kafka.network:type=RequestMetrics,name=TotalTimeMs,*",
            "kafka.server:type=KafkaRequestHandlerPool,*",
            "kafka.log:type=LogFlushStats,*",
            "java.lang:type=Memory",
            "java.lang:type=GarbageCollector,*");

    /** The {@code -javaagent} argument of node {@code index} (0-based), its configuration written into {@code home}. */
    String javaAgent(int index, Path home) {
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("the JMX exporter agent is not at " + agentJar + ": build first (./mvnw -DskipTests package)");
        }
        Path config = home.resolve("jmx-exporter.yml");
        StringBuilder yaml = new StringBuilder("lowercaseOutputName: true\nlowercaseOutputLabelNames: true\nincludeObjectNames:\n");
        OBJECT_NAMES.forEach(n -> yaml.append("  - '").append(n).append("'\n"));
        try {
            Files.createDirectories(home);
            Files.writeString(config, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "-javaagent:" + agentJar.toAbsolutePath() + "=127.0.0.1:" + ports.get(index) + ":" + config;
    }
}
