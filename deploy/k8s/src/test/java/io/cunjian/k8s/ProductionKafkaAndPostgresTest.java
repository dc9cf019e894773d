package io.cunjian.k8s;

import static io.cunjian.k8s.Manifests.at;
import static io.cunjian.k8s.Manifests.list;
import static io.cunjian.k8s.Manifests.map;
import static io.cunjian.k8s.Manifests.name;
import static io.cunjian.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cunjian.local.DeadLetters;
import io.cunjian.local.ServiceDescriptor;
import io.cunjian.infrastructure.Topics;

/** The production overlay's Kafka (Strimzi) and PostgreSQL (CloudNativePG), as rendered. */
class ProductionKafkaAndPostgresTest {

    static List<Map<String, Object>> objects;
    static List<ServiceDescriptor> services;

    @BeforeAll
    static void render() {
        objects = Overlays.objects(Overlays.render("production"));
        services = ServiceDescriptor.discover(Overlays.ROOT);
    }

    @Test
    void kafkaIsKraftWithThreeBrokersAndThreeControllersBehindScramAndAcls() {
        Map<String, Object> kafka = single("Kafka");
        assertThat(at(kafka, "spec", "kafka", "version")).isEqualTo("4.1.2");
        assertThat(at(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(list(kafka, "spec", "kafka", "listeners")).isNotEmpty().allSatisfy(l -> {
            assertThat(at(l, "authentication", "type")).as("every listener authenticates").isEqualTo("scram-sha-512");
            assertThat(l.get("tls")).isEqualTo(true);
        });
        Map<String, Object> config = map(kafka, "spec", "kafka", "config");
        assertThat(config).containsEntry("auto.create.topics.enable", false).containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2).containsEntry("unclean.leader.election.enable", false);
        int brokers = 0;
        int controllers = 0;
        for (Map<String, Object> pool : ofKind(objects, "KafkaNodePool")) {
            assertThat(at(pool, "metadata", "labels", "strimzi.io/cluster")).isEqualTo(name(kafka));
            List<?> roles = (List<?>) at(pool, "spec", "roles");
            int replicas = (Integer) at(pool, "spec", "replicas");
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertThat(brokers).as("brokers").isEqualTo(3);
        assertThat(controllers).as("controllers").isEqualTo(3);
    }

    @Test
    void everyTopicOfTopicsConfIsThereReplicatedThreeTimesWithTwoInSync() {
        List<Map<String, Object>> topics = ofKind(objects, "KafkaTopic");
        assertThat(topics).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(Topics.specs().stream().map(Topics.Spec::name).toList());
        for (Map<String, Object> t : topics) {
            assertThat(at(t, "spec", "replicas")).as(name(t) + " replicas").isEqualTo(3);
            assertThat(map(t, "spec", "config")).as(name(t))
                    .containsEntry("min.insync.replicas", 2)
                    .containsEntry("unclean.leader.election.enable", false)
                    .containsEntry("retention.ms", -1);
        }
        assertThat(eventTopicPartitions()).as("the three event topics share one partition count").hasSize(1);
        assertThat(eventTopicPartitions().iterator().next()).isEqualTo(12);
    }

    /** Each service writes what it owns and the dead letters of what it consumes, reads what it consumes, in its own group. */
    @Test
    void everyServiceHasOnlyTheAclsItsCodeNeeds() {
        for (ServiceDescriptor s : services) {
            KafkaUse use = KafkaUse.of(s);
            Set<String> expected = new TreeSet<>();
            use.owns().forEach(t -> expected.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
            use.deadLetters().forEach(t -> expected.addAll(List.of("topic " + t + " Write", "topic " + t + " Describe")));
            use.consumes().forEach(t -> expected.addAll(List.of("topic " + t + " Read", "topic " + t + " Describe")));
            if (!use.consumes().isEmpty()) {
                expected.add("group " + use.group() + " Read");
            }
            assertThat(acls(s.name())).as(s.name() + "'s ACLs").isEqualTo(expected);
        }
        assertThat(KafkaUse.of(service("reporting")).consumes()).hasSize(3);
        assertThat(KafkaUse.of(service("village-projects")).owns()).containsExactly("village.events");
    }

    @Test
    void theDeadLetterReplayReadsTheDeadLettersInItsGroupAndWritesBackToTheSources() {
        Set<String> expected = new TreeSet<>();
        expected.add("group " + DeadLetters.GROUP + " Read");
        for (Topics.Spec t : Topics.specs()) {
            String[] ops = t.name().endsWith(".dlq") ? new String[] {"Read", "Describe"} : new String[] {"Write", "Describe"};
            for (String op : ops) {
                expected.add("topic " + t.name() + " " + op);
            }
        }
        assertThat(acls("cunjian-dlq-replay")).isEqualTo(expected);
    }

    @Test
    void postgresIsThreeSynchronousInstancesWithADatabasePerServiceAndNightlyBackups() {
        Map<String, Object> cluster = single("Cluster");
        assertThat(at(cluster, "spec", "instances")).isEqualTo(3);
        assertThat((Integer) at(cluster, "spec", "postgresql", "synchronous", "number")).isGreaterThanOrEqualTo(1);
        assertThat(at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).asString().startsWith("s3://");
        assertThat(at(cluster, "spec", "backup", "retentionPolicy")).isNotNull();
        Map<String, Object> backup = single("ScheduledBackup");
        assertThat(at(backup, "spec", "cluster", "name")).isEqualTo(name(cluster));
        assertThat(at(backup, "spec", "method")).isEqualTo("barmanObjectStore");
        assertThat(ofKind(objects, "Pooler")).as("Flyway's session lock needs the -rw service, not a pooler").isEmpty();

        Map<String, String> roleSecrets = new java.util.HashMap<>();
        list(cluster, "spec", "managed", "roles").forEach(r -> roleSecrets.put((String) r.get("name"),
                (String) at(r, "passwordSecret", "name")));
        List<Map<String, Object>> databases = ofKind(objects, "Database");
        for (ServiceDescriptor s : services) {
            Map<String, Object> db = databases.stream().filter(d -> s.database().equals(at(d, "spec", "name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + s.database() + " for " + s.name()));
            assertThat(at(db, "spec", "cluster", "name")).isEqualTo(name(cluster));
            // The owner logs in with the Secret the service's Deployment reads (cunjian-db-<service>).
            assertThat(roleSecrets.get((String) at(db, "spec", "owner"))).as(s.name() + "'s role").isEqualTo("cunjian-db-" + s.name());
        }
    }

    private static Set<Integer> eventTopicPartitions() {
        Set<Integer> counts = new TreeSet<>();
        ofKind(objects, "KafkaTopic").stream().filter(t -> !name(t).endsWith(".dlq"))
                .forEach(t -> counts.add((Integer) at(t, "spec", "partitions")));
        return counts;
    }

    static int eventPartitions(List<Map<String, Object>> rendered) {
        return ofKind(rendered, "KafkaTopic").stream().filter(t -> !name(t).endsWith(".dlq"))
                .mapToInt(t -> (Integer) at(t, "spec", "partitions")).min().orElseThrow();
    }

    private static Set<String> acls(String user) {
        Map<String, Object> u = ofKind(objects, "KafkaUser").stream().filter(x -> user.equals(name(x))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + user));
        assertThat(at(u, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
        Set<String> acls = new TreeSet<>();
        for (Map<String, Object> acl : list(u, "spec", "authorization", "acls")) {
            assertThat(at(acl, "resource", "patternType")).as(user + ": only literal names").isEqualTo("literal");
            assertThat(at(acl, "type")).as(user + ": allow rules only").isIn(null, "allow");
            for (Object op : (List<?>) acl.get("operations")) {
                acls.add(at(acl, "resource", "type") + " " + at(acl, "resource", "name") + " " + op);
            }
        }
        return acls;
    }

    private static Map<String, Object> single(String kind) {
        List<Map<String, Object>> found = ofKind(objects, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static ServiceDescriptor service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
