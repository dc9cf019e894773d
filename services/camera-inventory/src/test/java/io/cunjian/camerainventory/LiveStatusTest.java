package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.camerainventory.domain.CamerasConfig;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Heartbeats, the offline timer and coverage on real PostgreSQL and Kafka. The online window is the
 * default 2 minutes; a heartbeat dated just inside it makes a camera that the timer (every second in
 * tests) takes offline moments later.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"47"})
class LiveStatusTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    RegionReplica replica;
    @Inject
    CamerasConfig config;

    static final String V1 = "470101001001";
    static final String V2 = "470101001002";
    static final String V3 = "470101001003";
    static final String V4 = "470101001004";
    static final String V5 = "470101001005";

    @BeforeEach
    void villages() {
        for (String v : List.of(V1, V2, V3, V4, V5)) {
            Fixtures.village(bootstrap, prefix, replica, v, "村" + v.substring(10));
        }
    }

    /** A time {@code remaining} before the camera's window runs out. */
    String expiringIn(Duration remaining) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minus(config.onlineWindow()).plus(remaining).toString();
    }

    @Test
    void aZoneWithOneOfflineAndOneOnlineCameraIsCoveredAndTheLastTimeoutUncoversItOnce() {
        long zone = Fixtures.zone(V1, "东村口", "ENTRANCE");
        long other = Fixtures.zone(V1, "主街", "MAIN_ROAD");
        Fixtures.register("LS-A", V1, zone, "OPERATIONAL").statusCode(201);
        Fixtures.register("LS-B", V1, zone, "OPERATIONAL").statusCode(201);

        Fixtures.heartbeat(expiringIn(Duration.ofSeconds(2)), "LS-A").statusCode(200).body("cameOnline", equalTo(1))
                .body("zonesChanged", equalTo(1));
        Fixtures.heartbeat(expiringIn(Duration.ofSeconds(20)), "LS-B").statusCode(200).body("cameOnline", equalTo(1))
                .body("zonesChanged", equalTo(0));
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(true));

        // A times out: the zone stays covered by B
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !online("LS-A"));
        assertThat(online("LS-B")).isTrue();
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(true));
        given().get("/api/v1/villages/" + V1 + "/coverage").then().body("coveredZones", equalTo(1))
                .body("blindZones.name", contains("主街"));

        // B times out too: the zone is blind
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> !online("LS-B"));
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(false));
        given().get("/api/v1/villages/" + V1 + "/coverage").then().body("coveredZones", equalTo(0)).body("coverage", equalTo(0.0f));

        List<TopicReader.Event> events = all(V1);
        List<JsonNode> coverage = events.stream().filter(e -> e.ceType().equals("cunjian.camera.zone-coverage-changed.v1"))
                .map(EventsOnTopic::data).toList();
        assertThat(coverage).hasSize(2);
        assertThat(coverage.get(0).get("covered").asBoolean()).isTrue();
        assertThat(coverage.get(0).get("cause").asText()).isEqualTo("HEARTBEAT");
        assertThat(coverage.get(0).get("villageZones").asInt()).isEqualTo(2);
        assertThat(coverage.get(0).get("villageCoveredZones").asInt()).isEqualTo(1);
        assertThat(coverage.get(1).get("covered").asBoolean()).isFalse();
        assertThat(coverage.get(1).get("cause").asText()).isEqualTo("HEARTBEAT_TIMEOUT");
        assertThat(coverage.get(1).get("villageCoveredZones").asInt()).isZero();
        assertThat(coverage.get(1).get("zoneId").asLong()).isEqualTo(zone);
        List<String> online = events.stream().filter(e -> e.ceType().equals("cunjian.camera.online-changed.v1"))
                .map(EventsOnTopic::data).map(d -> d.get("serial").asText() + ":" + d.get("online").asBoolean() + ":" + d.get("cause").asText())
                .toList();
        assertThat(online).containsExactly("LS-A:true:HEARTBEAT", "LS-B:true:HEARTBEAT", "LS-A:false:HEARTBEAT_TIMEOUT",
                "LS-B:false:HEARTBEAT_TIMEOUT");
        assertThat(rows(V1, "cunjian.camera.zone-coverage-changed.v1")).as("no second uncovering").isEqualTo(2);
        assertThat(other).isPositive();
    }

    @Test
    void aCameraThatKeepsReportingProducesNoEvents() {
        long zone = Fixtures.zone(V2, "广场", "SQUARE");
        Fixtures.register("LS-C", V2, zone, "OPERATIONAL").statusCode(201);
        // heartbeats spend their own budget, not the caller's writes (ADR 0025)
        Fixtures.heartbeat(null, "LS-C").statusCode(200).body("cameOnline", equalTo(1))
                .header("RateLimit-Policy", startsWith("\"heartbeats\";q="));
        long after = EventsOnTopic.outboxRows(db, V2);
        for (int i = 0; i < 5; i++) {
            Fixtures.heartbeat(null, "LS-C", "LS-C").statusCode(200).body("accepted", equalTo(1)).body("cameOnline", equalTo(0));
        }
        // an older heartbeat never moves last_seen back
        OffsetDateTime seen = OffsetDateTime.parse(given().get("/api/v1/cameras/LS-C").then().extract().path("lastSeen"));
        Fixtures.heartbeat(OffsetDateTime.now().minusSeconds(30).toString(), "LS-C").statusCode(200);
        assertThat(OffsetDateTime.parse(given().get("/api/v1/cameras/LS-C").then().extract().path("lastSeen")).toInstant())
                .isEqualTo(seen.toInstant());
        assertThat(EventsOnTopic.outboxRows(db, V2)).isEqualTo(after);
        assertThat(rows(V2, "cunjian.camera.online-changed.v1")).isEqualTo(1);
        assertThat(rows(V2, "cunjian.camera.zone-coverage-changed.v1")).isEqualTo(1);
    }

    @Test
    void aBatchWithAnUnknownSerialChangesNothing() {
        long zone = Fixtures.zone(V3, "河边", "RIVER_BANK");
        Fixtures.register("LS-D", V3, zone, "OPERATIONAL").statusCode(201);
        long before = EventsOnTopic.outboxRows(db, V3);

        // the whole answer, member by member
        given().header("Accept-Language", "en").contentType(ContentType.JSON).body("{\"serials\":[\"LS-D\",\"NOPE-1\",\"NOPE-2\"]}")
                .post("/api/v1/heartbeats").then().statusCode(400).contentType("application/problem+json")
                .body("unknownSerials", contains("NOPE-1", "NOPE-2"))
                .body(equalTo("{\"type\":\"https://cunjian.dev/problems/validation\",\"title\":\"Invalid request data\",\"status\":400,"
                        + "\"detail\":\"2 serial(s) are not registered: NOPE-1, NOPE-2; no heartbeat of the batch was recorded\","
                        + "\"instance\":\"/api/v1/heartbeats\",\"unknownSerials\":[\"NOPE-1\",\"NOPE-2\"]}"));
        assertThat(online("LS-D")).isFalse();
        given().get("/api/v1/cameras/LS-D").then().body("lastSeen", equalTo(null));
        Fixtures.heartbeat(OffsetDateTime.now().plusMinutes(10).toString(), "LS-D").statusCode(400)
                .body("errors.field", hasItem("at"));
        Fixtures.heartbeat(null, "bad serial").statusCode(400).body("errors.field", hasItem("serials[0]"));
        Fixtures.heartbeat(null).statusCode(400);
        given().contentType(ContentType.JSON).body("{\"serials\":\"LS-D\"}").post("/api/v1/heartbeats").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"serials\":[\"LS-D\"],\"at\":\"yesterday\"}").post("/api/v1/heartbeats")
                .then().statusCode(400);
        assertThat(online("LS-D")).isFalse();
        assertThat(EventsOnTopic.outboxRows(db, V3)).isEqualTo(before);
    }

    @Test
    void lifecycleChangesOfAnOnlineCameraMoveCoverage() {
        long zone = Fixtures.zone(V4, "学校门口", "SCHOOL_GATE");
        long zone2 = Fixtures.zone(V4, "北口", "ENTRANCE");
        Fixtures.register("LS-E", V4, zone, "INSTALLED").statusCode(201);
        Fixtures.heartbeat(null, "LS-E").statusCode(200).body("cameOnline", equalTo(1)).body("zonesChanged", equalTo(0));
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(false));
        lifecycle("LS-E", "OPERATIONAL");
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(true));
        lifecycle("LS-E", "FAULTY");
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(false));
        lifecycle("LS-E", "OPERATIONAL");
        // moving it to another zone uncovers the first and covers the second
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(CameraResourceTest.details(zone2, 43.5, 123.5))
                .put("/api/v1/cameras/LS-E").then().statusCode(200);
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(false));
        given().get("/api/v1/zones/" + zone2).then().body("covered", equalTo(true));

        List<String> changes = all(V4).stream()
                .filter(e -> e.ceType().equals("cunjian.camera.zone-coverage-changed.v1")).map(EventsOnTopic::data)
                .map(d -> d.get("zoneName").asText() + ":" + d.get("covered").asBoolean() + ":" + d.get("cause").asText()
                        + ":" + d.get("villageCoveredZones").asInt())
                .toList();
        assertThat(changes).containsExactly("学校门口:true:LIFECYCLE:1", "学校门口:false:LIFECYCLE:0", "学校门口:true:LIFECYCLE:1",
                "学校门口:false:CAMERA_MOVED:0", "北口:true:CAMERA_MOVED:1");
    }

    @Test
    void concurrentBatchesAndTheTimerFlipEachCameraExactlyOnce() throws Exception {
        int zones = 10;
        int perZone = 20;
        List<String> serials = new ArrayList<>();
        for (int z = 0; z < zones; z++) {
            long zone = Fixtures.zone(V5, "区" + z, "OTHER");
            for (int c = 0; c < perZone; c++) {
                String serial = "LS-P-" + z + "-" + c;
                Fixtures.register(serial, V5, zone, "OPERATIONAL").statusCode(201);
                serials.add(serial);
            }
        }
        String at = expiringIn(Duration.ofSeconds(8));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long seed = t;
                running.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>(serials);
                    Collections.shuffle(mine, new Random(seed));
                    for (int i = 0; i < mine.size(); i += 40) {
                        Fixtures.heartbeat(at, mine.subList(i, Math.min(mine.size(), i + 40)).toArray(String[]::new)).statusCode(200);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(V5, "cunjian.camera.online-changed.v1")).isEqualTo(zones * perZone);
        assertThat(rows(V5, "cunjian.camera.zone-coverage-changed.v1")).isEqualTo(zones);
        given().get("/api/v1/villages/" + V5 + "/coverage").then().body("coveredZones", equalTo(zones));

        Awaitility.await().atMost(Duration.ofSeconds(40))
                .until(() -> rows(V5, "cunjian.camera.zone-coverage-changed.v1") == 2L * zones);
        Thread.sleep(1500);
        assertThat(rows(V5, "cunjian.camera.online-changed.v1")).isEqualTo(2L * zones * perZone);
        assertThat(rows(V5, "cunjian.camera.zone-coverage-changed.v1")).isEqualTo(2L * zones);
        given().get("/api/v1/villages/" + V5 + "/coverage").then().body("coveredZones", equalTo(0));
        // the last coverage event carries the village's final count
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> cov = all(V5).stream()
                    .filter(e -> e.ceType().equals("cunjian.camera.zone-coverage-changed.v1")).map(EventsOnTopic::data).toList();
            assertThat(cov).hasSize(2 * zones);
            assertThat(cov.get(zones - 1).get("villageCoveredZones").asInt()).isEqualTo(zones);
            assertThat(cov.get(2 * zones - 1).get("villageCoveredZones").asInt()).isZero();
        });
    }

    @Test
    void anAuditRecordsWhatWasSeenAndNamesWhatWasNot() {
        String village = "470101001006";
        Fixtures.village(bootstrap, prefix, replica, village, "巡检村");
        long zone = Fixtures.zone(village, "村口", "ENTRANCE");
        Fixtures.register("AU-1", village, zone, "OPERATIONAL").statusCode(201);
        Fixtures.register("AU-2", village, zone, "OPERATIONAL").statusCode(201);
        Fixtures.register("AU-3", village, zone, "FAULTY").statusCode(201);
        Fixtures.register("AU-X", V3, Fixtures.zone(V3, "审计区", "OTHER"), "OPERATIONAL").statusCode(201);

        given().header("Accept-Language", "en").contentType(ContentType.JSON).body("{\"serials\":[\"AU-1\",\"AU-X\"]}")
                .post("/api/v1/villages/" + village + "/audits").then().statusCode(400).body("otherVillageSerials", contains("AU-X"))
                .body(equalTo("{\"type\":\"https://cunjian.dev/problems/validation\",\"title\":\"Invalid request data\",\"status\":400,"
                        + "\"detail\":\"these cameras are not of village " + village + ": AU-X; nothing of the audit was recorded\","
                        + "\"instance\":\"/api/v1/villages/" + village + "/audits\",\"otherVillageSerials\":[\"AU-X\"]}"));
        assertThat(online("AU-1")).isFalse();
        given().contentType(ContentType.JSON).body("{\"serials\":[\"AU-1\",\"AU-3\"]}").post("/api/v1/villages/" + village + "/audits")
                .then().statusCode(200).body("seen", equalTo(2)).body("cameOnline", equalTo(2)).body("zonesChanged", equalTo(1))
                .body("notSeen", contains("AU-2"));
        given().get("/api/v1/zones/" + zone).then().body("covered", equalTo(true));
        given().header("Authorization", io.cunjian.testing.SignIn.bearer(io.cunjian.testing.Tokens.viewer("47")))
                .contentType(ContentType.JSON).body("{\"serials\":[\"AU-2\"]}").post("/api/v1/villages/" + village + "/audits")
                .then().statusCode(403);
    }

    /** Every event the service committed under this key, read back from the topic (each schema-checked). */
    List<TopicReader.Event> all(String key) {
        return EventsOnTopic.forKey(bootstrap, prefix + "camera.events", key, (int) EventsOnTopic.outboxRows(db, key));
    }

    private void lifecycle(String serial, String to) {
        given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}").post("/api/v1/cameras/" + serial + "/lifecycle")
                .then().statusCode(200);
    }

    private boolean online(String serial) {
        return given().get("/api/v1/cameras/" + serial).then().statusCode(200).extract().path("online");
    }

    long rows(String key, String type) {
        try (Connection c = db.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE event_key = ? AND ce_type = ?")) {
            st.setString(1, key);
            st.setString(2, type);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
