package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Zones and cameras naming a village camera-inventory does not hold (ADR 0028): 422 naming {@code villageCode}
 * once its replica has read all of village.events, 503 with Retry-After while it has not, 400 for a code
 * that cannot be a village's.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class UnknownVillageTest {

    static final String VILLAGE = "460107001001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    RegionReplica replica;

    private long zone;

    @BeforeEach
    void village() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE, "未知村测试村");
        zone = Fixtures.zone(VILLAGE, "村口-" + System.nanoTime(), "ENTRANCE");
    }

    @Test
    void aVillageThatDoesNotExistIs422NamingTheFieldOnceTheReplicaHasReadEverything() {
        String nowhere = "460107001999";
        for (Response answer : new Response[] { onceCaughtUp(() -> defineZone(nowhere)),
                onceCaughtUp(() -> registerCamera("CAM-UV-1", nowhere)) }) {
            answer.then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://cunjian.dev/problems/unknown-reference"))
                    .body("errors[0].field", equalTo("villageCode")).header("Retry-After", nullValue());
        }
        assertThat(count("SELECT count(*) FROM zone WHERE village_code = '" + nowhere + "'")).isZero();
        assertThat(count("SELECT count(*) FROM camera WHERE serial = 'CAM-UV-1'")).isZero();
        assertThat(EventsOnTopic.outboxRows(db, nowhere)).as("events written").isZero();
    }

    @Test
    void aCodeThatCannotBeAVillagesIs400() {
        defineZone("4601070010").then().statusCode(400).body("errors.field", hasItem("villageCode"));
        registerCamera("CAM-UV-2", "46010700100a").then().statusCode(400).body("errors.field", hasItem("villageCode"));
    }

    /** Behind: the replica's table is locked, so the new village's event is fetched but cannot be applied. */
    @Test
    void whileTheReplicaIsBehindAVillageItLacksIsRetryable() throws Exception {
        String justRegistered = "460107001077";
        onceCaughtUp(() -> defineZone("460107001998")).then().statusCode(422);
        try (Connection lock = db.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("LOCK TABLE replica_region IN EXCLUSIVE MODE");
            }
            try (TestEvents events = new TestEvents(bootstrap)) {
                events.send(prefix + "village.events", justRegistered, RegionReplica.REGISTERED, "{\"code\":\""
                        + justRegistered + "\",\"name\":\"新登记村\",\"level\":\"VILLAGE\",\"parentCode\":\"460107001\",\"version\":0}");
            }
            Response[] last = new Response[1];
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = defineZone(justRegistered);
                return last[0].statusCode() == 503;
            });
            last[0].then().header("Retry-After", "2").body("type", equalTo("https://cunjian.dev/problems/retryable"));
            Thread.sleep(2_500);
            registerCamera("CAM-UV-3", justRegistered).then().statusCode(503).header("Retry-After", "2");
            assertThat(count("SELECT count(*) FROM zone WHERE village_code = '" + justRegistered + "'")).isZero();
            lock.rollback();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(justRegistered).isPresent());
        onceCaughtUp(() -> defineZone(justRegistered)).then().statusCode(201);
    }

    private static Response defineZone(String village) {
        return given().contentType(ContentType.JSON)
                .body("{\"villageCode\":\"" + village + "\",\"name\":\"东口\",\"kind\":\"ENTRANCE\"}").post("/api/v1/zones");
    }

    private Response registerCamera(String serial, String village) {
        return given().contentType(ContentType.JSON).body(Fixtures.camera(serial, village, zone, null)).post("/api/v1/cameras");
    }

    /** As a client honouring Retry-After: again while the answer is 503. */
    private static Response onceCaughtUp(java.util.function.Supplier<Response> request) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = request.get();
            return last[0].statusCode() != 503;
        });
        return last[0];
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
