package io.cunjian.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics (docs/design.md, "Topics and keys") as listed in {@code deploy/local/topics.conf}. Every topic keeps its
 * records forever ({@code retention.ms=-1}) so that reporting can be rebuilt from offset zero.
 */
public final class Topics {

    public static final String RETENTION_FOREVER = "-1";

    public record Spec(String name, int partitions) {
    }

    /** What a topic on the broker actually looks like. */
    public record Actual(String name, int partitions, String retentionMs, String cleanupPolicy) {
        public boolean matches(Spec spec) {
            return partitions == spec.partitions() && RETENTION_FOREVER.equals(retentionMs)
                    && "delete".equals(cleanupPolicy);
        }
    }

    private Topics() {
    }

    public static List<Spec> specs() {
        var in = Topics.class.getResourceAsStream("/topics.conf");
        Objects.requireNonNull(in, "topics.conf is missing from the class path (cunjian-local-infrastructure)");
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Spec> specs = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                specs.add(new Spec(parts[0], Integer.parseInt(parts[1])));
            }
            return List.copyOf(specs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a topic's partitions are copied across the brokers now. */
    public record Replication(String name, int partitions, int replicationFactor, String minInsyncReplicas,
            int underReplicated) {
    }

    /** Creates the missing topics, each name prefixed with {@code prefix} (empty for the stack), one copy each. */
    public static void ensure(Admin admin, String prefix) throws InterruptedException, ExecutionException {
        ensure(admin, prefix, 1, 1);
    }

    /**
     * Creates the missing topics with {@code replicas} copies of each partition, of which a write
     * needs {@code minInsyncReplicas}; a copy that fell behind is never made leader.
     */
    public static void ensure(Admin admin, String prefix, int replicas, int minInsyncReplicas)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = specs().stream()
                .filter(s -> !existing.contains(prefix + s.name()))
                .map(s -> new NewTopic(prefix + s.name(), s.partitions(), (short) replicas)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, RETENTION_FOREVER,
                                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas),
                                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false")))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
        }
    }

    public static void delete(Admin admin, String prefix) throws InterruptedException, ExecutionException {
        admin.deleteTopics(specs().stream().map(s -> prefix + s.name()).toList()).all().get();
    }

    /** The broker's view of the listed topics (absent ones are left out). */
    public static Map<String, Actual> describe(Admin admin, String prefix)
            throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> names = specs().stream().map(s -> prefix + s.name()).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        return names.stream().collect(Collectors.toMap(n -> n, n -> {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, n));
            return new Actual(n, descriptions.get(n).partitions().size(),
                    config.get(TopicConfig.RETENTION_MS_CONFIG).value(),
                    config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        }));
    }

    /** Partitions, copies, copies a write needs, and partitions short of a copy, per listed topic on the broker. */
    public static List<Replication> replication(Admin admin, String prefix) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> names = specs().stream().map(s -> prefix + s.name()).filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get();
        return names.stream().map(n -> {
            var partitions = descriptions.get(n).partitions();
            int under = (int) partitions.stream().filter(p -> p.isr().size() < p.replicas().size()).count();
            return new Replication(n, partitions.size(), partitions.get(0).replicas().size(),
                    configs.get(new ConfigResource(ConfigResource.Type.TOPIC, n))
                            .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value(), under);
        }).toList();
    }

    /** Problems found comparing the broker with topics.conf; empty when all is as it should be. */
    public static List<String> check(Admin admin, String prefix) throws InterruptedException, ExecutionException {
        Map<String, Actual> actual = describe(admin, prefix);
        List<String> problems = new ArrayList<>();
        for (Spec spec : specs()) {
            Actual a = actual.get(prefix + spec.name());
            if (a == null) {
                problems.add("topic " + prefix + spec.name() + " is missing");
            } else if (!a.matches(spec)) {
                problems.add("topic " + a.name() + " has " + a.partitions() + " partitions, retention.ms="
                        + a.retentionMs() + ", cleanup.policy=" + a.cleanupPolicy() + "; expected "
                        + spec.partitions() + ", -1, delete");
            }
        }
        String brokerId = String.valueOf(admin.describeCluster().nodes().get().iterator().next().id());
        String autoCreate = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, brokerId)))
                .all().get().values().iterator().next().get("auto.create.topics.enable").value();
        if (!"false".equals(autoCreate)) {
            problems.add("broker has auto.create.topics.enable=" + autoCreate + "; expected false");
        }
        return problems;
    }
}
