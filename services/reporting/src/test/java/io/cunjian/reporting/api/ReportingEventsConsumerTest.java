package io.cunjian.reporting.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.local.DeadLetters;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reporting applies each event once, dead-letters what it cannot read, and carries on. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"22"})
class ReportingEventsConsumerTest {

    static final String REGISTERED = "cunjian.region.registered.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;

    TestEvents events;

    @BeforeEach
    void producer() {
        events = new TestEvents(bootstrap);
    }

    @AfterEach
    void close() {
        events.close();
    }

    String topic() {
        return prefix + "village.events";
    }

    static String region(String code, String name, String level, String parent) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"version\":0}";
    }

    static void awaitRegion(String code) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/regions/" + code).statusCode() == 200);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        UUID id = events.send(topic(), "22", REGISTERED, region("22", "吉林省", "PROVINCE", null));
        awaitRegion("22");
        events.send(topic(), "22", id, REGISTERED, region("22", "吉林省", "PROVINCE", null));
        // A later event on the same key is applied only after the repeat has been seen.
        events.send(topic(), "22", "cunjian.region.renamed.v1",
                "{\"code\":\"22\",\"name\":\"吉林\",\"previousName\":\"吉林省\",\"version\":1}");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "吉林".equals(given().get("/api/v1/regions/22").path("name")));
        given().get("/api/v1/regions/22").then().statusCode(200)
                .body("history", hasSize(2))
                .body("history[0].type", equalTo(REGISTERED))
                .body("history[1].type", equalTo("cunjian.region.renamed.v1"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionGoesOn() {
        events.sendRaw(topic(), "2203", "not json at all".getBytes(StandardCharsets.UTF_8), cloudEventHeaders(REGISTERED));
        events.send(topic(), "2204", REGISTERED, "{\"code\":\"2204\",\"level\":\"CITY\",\"version\":0}"); // no name
        events.send(topic(), "2205", REGISTERED, region("2205", "通化市", "CITY", "22"));

        awaitRegion("2205");
        List<TopicReader.Event> dead = TopicReader.readUntil(bootstrap, topic() + ".dlq", Duration.ofSeconds(20),
                read -> read.size() >= 2);
        TopicReader.Event notJson = dead.stream().filter(e -> "2203".equals(e.key())).findFirst().orElseThrow();
        assertThat(notJson.headers().get("dead-letter-reason")).contains("not JSON");
        assertThat(notJson.headers().get("dead-letter-topic")).isEqualTo(topic());
        assertThat(notJson.headers()).containsKeys("dead-letter-partition", "dead-letter-offset");
        TopicReader.Event invalid = dead.stream().filter(e -> "2204".equals(e.key())).findFirst().orElseThrow();
        assertThat(invalid.headers().get("dead-letter-reason")).contains("schema").contains("name");
        given().get("/api/v1/regions/2204").then().statusCode(404);
        // not for devices, nor for staff of another province
        given().header("Authorization", SignIn.bearer(Tokens.device("22"))).get("/api/v1/regions/22").then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.viewer("21"))).get("/api/v1/regions/22").then().statusCode(403);
    }

    @Test
    void aDeadLetteredEventIsAppliedOnceReplayedAfterTheCauseIsFixed() throws Exception {
        String dlq = topic() + ".dlq";
        DeadLetters.replay(bootstrap, dlq); // start from an empty backlog
        try (Connection blocker = DriverManager.getConnection(RealInfrastructure.config().get("quarkus.datasource.jdbc.url"),
                "postgres", "")) {
            // The cause: reporting's tables locked longer than the consumer keeps retrying.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE replica_region IN ACCESS EXCLUSIVE MODE");
            events.send(topic(), "2206", REGISTERED, region("2206", "白山市", "CITY", "22"));
            TopicReader.readUntil(bootstrap, dlq, Duration.ofSeconds(30),
                    read -> read.stream().anyMatch(e -> "2206".equals(e.key())));
            blocker.rollback(); // the fix
        }
        assertThat(given().get("/api/v1/regions/2206").statusCode()).isEqualTo(404);

        List<DeadLetters.Letter> replayed = DeadLetters.replay(bootstrap, dlq);
        assertThat(replayed).extracting(DeadLetters.Letter::key).contains("2206");
        awaitRegion("2206");
        given().get("/api/v1/regions/2206").then().body("history", hasSize(1));
        assertThat(DeadLetters.replay(bootstrap, dlq)).extracting(DeadLetters.Letter::key).doesNotContain("2206");
    }

    static RecordHeaders cloudEventHeaders(String type) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        h.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        h.add("ce_source", "/cunjian/test".getBytes(StandardCharsets.UTF_8));
        h.add("ce_time", "2026-11-29T10:00:00+08:00".getBytes(StandardCharsets.UTF_8));
        return h;
    }
}
