package io.cunjian.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.cunjian.infrastructure.BrokerMetrics;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Prometheus;

/**
 * The monitoring of one stack instance ({@code start --with-monitoring}): a Prometheus server that
 * scrapes each service's {@code /q/metrics} (job = the service's name, as the alert rules expect)
 * and each Kafka node's JMX exporter agent (job {@code kafka}), and evaluates the rule files.
 *
 * @param prometheusPort     Prometheus's UI and API
 * @param brokerMetricsPorts the JMX exporter's port on Kafka node 1, 2 and 3
 * @param scrapeInterval     how often each target is scraped
 * @param evaluationInterval how often the rules are evaluated
 * @param ruleFiles          the rule files Prometheus loads
 */
public record Monitoring(int prometheusPort, List<Integer> brokerMetricsPorts, Duration scrapeInterval,
        Duration evaluationInterval, List<Path> ruleFiles) {

    static final int PROMETHEUS_PORT = 9090;
    /** The JMX exporter's customary port, then the next two for nodes 2 and 3. */
    static final int BROKER_METRICS_PORT = 9404;
    static final Duration INTERVAL = Duration.ofSeconds(15);

    /** The developer's stack: Prometheus on 9090, the brokers' metrics on 9404–9406, every 15 s, the committed rules. */
    public static Monitoring standard(Path root) {
        return new Monitoring(PROMETHEUS_PORT, List.of(BROKER_METRICS_PORT, BROKER_METRICS_PORT + 1, BROKER_METRICS_PORT + 2),
                INTERVAL, INTERVAL, ruleFiles(root));
    }

    /** An instance beside the developer's (the end-to-end suite's): the same, on free ports. */
    public static Monitoring isolated(Path root) {
        return new Monitoring(Processes.freePort(), List.of(Processes.freePort(), Processes.freePort(), Processes.freePort()),
                INTERVAL, INTERVAL, ruleFiles(root));
    }

    /** The same monitoring scraping and evaluating every {@code interval}. */
    public Monitoring every(Duration interval) {
        return new Monitoring(prometheusPort, brokerMetricsPorts, interval, interval, ruleFiles);
    }

    /** The same monitoring with other rule files. */
    public Monitoring withRuleFiles(List<Path> files) {
        return new Monitoring(prometheusPort, brokerMetricsPorts, scrapeInterval, evaluationInterval, List.copyOf(files));
    }

    /** The committed rules: {@code deploy/observability/rules/*.yml}, alerts and SLOs. */
    public static List<Path> ruleFiles(Path root) {
        Path dir = root.resolve("deploy/observability/rules");
        try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BrokerMetrics brokerMetrics(Path root) {
        return new BrokerMetrics(BrokerMetrics.agentJar(root), brokerMetricsPorts);
    }

    Prometheus.Settings prometheus() {
        return new Prometheus.Settings(prometheusPort, scrapeInterval, evaluationInterval, ruleFiles);
    }

    /** One job per service, named after it, and {@code kafka} for the brokers. */
    List<Prometheus.Job> jobs(List<ServiceDescriptor> services, int brokers) {
        List<Prometheus.Job> jobs = new ArrayList<>();
        for (ServiceDescriptor s : services) {
            jobs.add(new Prometheus.Job(s.name(), List.of("127.0.0.1:" + s.port()), "/q/metrics"));
        }
        jobs.add(new Prometheus.Job("kafka", brokerMetricsPorts.subList(0, brokers).stream().map(p -> "127.0.0.1:" + p).toList(),
                "/metrics"));
        return jobs;
    }
}
