package io.cunjian.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The broker and embedded database, started the way the stack starts them: the
 * topics of docs/design.md ("Topics and keys") exist with their partitions and unlimited retention, auto-creation is off,
 * and the embedded PostgreSQL path works even on a machine that has its own server.
 */
class LocalInfrastructureTest {

    @TempDir
    static Path home;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBroker(home.resolve("kafka"), KafkaBroker.defaultLibDir(), Processes.freePort(),
                Processes.freePort());
        broker.start(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void topicsHaveTheirPartitionsAndKeepRecordsForever() throws Exception {
        try (Admin admin = broker.admin()) {
            Topics.ensure(admin, "");
            Topics.ensure(admin, ""); // a second start changes nothing
            Map<String, Topics.Actual> actual = Topics.describe(admin, "");
            assertThat(actual.get("village.events").partitions()).isEqualTo(6);
            assertThat(actual.get("workorder.events").partitions()).isEqualTo(6);
            assertThat(actual.get("camera.events").partitions()).isEqualTo(6);
            assertThat(actual.get("camera.events.dlq").partitions()).isEqualTo(1);
            assertThat(actual.values()).hasSize(Topics.specs().size())
                    .allSatisfy(t -> assertThat(t.retentionMs()).isEqualTo("-1"));
            assertThat(Topics.check(admin, "")).isEmpty();
        }
    }

    @Test
    void checkNoticesATopicWithTheWrongSettings() throws Exception {
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("bad-village.events", 2, (short) 1)))
                    .all().get();
            // Metadata of a topic created a moment ago may take a little while to be listed.
            Processes.await(Duration.ofSeconds(10), () -> {
                try {
                    return admin.listTopics().names().get().contains("bad-village.events");
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(Topics.check(admin, "bad-"))
                    .anyMatch(p -> p.contains("bad-village.events has 2 partitions"))
                    .anyMatch(p -> p.contains("bad-camera.events is missing"));
        }
    }

    @Test
    void brokerDoesNotCreateTopicsOnFirstUse() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("no-such.events", "k", "v")).get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
        }
        try (Admin admin = broker.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("no-such.events");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void brokerRestartsOnItsOwnStateAndKeepsTopics() throws Exception {
        try (Admin admin = broker.admin()) {
            Topics.ensure(admin, "restart-");
        }
        broker.stop();
        assertThat(broker.running()).isEmpty();
        broker.start(Duration.ofSeconds(90));
        try (Admin admin = broker.admin()) {
            assertThat(Topics.check(admin, "restart-")).isEmpty();
        }
    }

    @Test
    void embeddedPostgresServesTheServiceDatabases() throws Exception {
        try (EmbeddedPostgres pg = Postgres.startEmbedded(home.resolve("pg"), 0)) {
            Postgres.Server server = new Postgres.Server("127.0.0.1", pg.getPort(), Postgres.USER, true);
            Postgres.ensureDatabases(server, List.of("cunjian_a", "cunjian_b"));
            Postgres.ensureDatabases(server, List.of("cunjian_a", "cunjian_b"));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("cunjian_b"), "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("15.");
            }
        }
    }
}
