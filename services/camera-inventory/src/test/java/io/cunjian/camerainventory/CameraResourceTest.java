package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Zones and cameras: defined in known villages, lifecycle with 409s, If-Match updates, maintenance, lists, access; events on Kafka. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class CameraResourceTest {

    static final String VILLAGE = "460101001001";
    static final String OTHER_VILLAGE = "460101001002";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    RegionReplica replica;

    @BeforeEach
    void villages() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE, "永加社区");
        Fixtures.village(bootstrap, prefix, replica, OTHER_VILLAGE, "孙家村");
    }

    String topic() {
        return prefix + "camera.events";
    }

    @Test
    void definesAZoneRegistersACameraAndPublishesBoth() {
        String village = "460101001003";
        Fixtures.village(bootstrap, prefix, replica, village, "长岭子村");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "zone-" + village)
                .body("{\"villageCode\":\"" + village + "\",\"name\":\"东村口\",\"kind\":\"ENTRANCE\",\"centre\":{\"latitude\":43.51,\"longitude\":123.52}}")
                .post("/api/v1/zones").then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString("/api/v1/zones/"))
                .body("covered", equalTo(false)).body("centre.latitude", equalTo(43.51f));
        long zone = given().queryParam("village", village).get("/api/v1/zones").then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");
        Fixtures.zone(village, "主街", "MAIN_ROAD");

        Fixtures.register("CAM-R-1", village, zone, null).statusCode(201).header("ETag", "\"0\"")
                .body("lifecycle", equalTo("PLANNED")).body("online", equalTo(false)).body("zoneId", equalTo((int) zone));
        given().get("/api/v1/cameras/CAM-R-1").then().statusCode(200).body("vendor", equalTo("海康威视"))
                .body("position.longitude", equalTo(123.5f)).body("installedOn", equalTo("2024-05-01"));

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, topic(), village, 3);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.camera.zone-defined.v1",
                "cunjian.camera.zone-defined.v1", "cunjian.camera.registered.v1");
        JsonNode first = EventsOnTopic.data(events.get(0));
        assertThat(first.get("villageZones").asInt()).isEqualTo(1);
        assertThat(first.get("villageCoveredZones").asInt()).isZero();
        assertThat(first.get("centre").get("longitude").asDouble()).isEqualTo(123.52);
        assertThat(EventsOnTopic.data(events.get(1)).get("villageZones").asInt()).isEqualTo(2);
        JsonNode camera = EventsOnTopic.data(events.get(2));
        assertThat(camera.get("serial").asText()).isEqualTo("CAM-R-1");
        assertThat(camera.get("lifecycle").asText()).isEqualTo("PLANNED");
        assertThat(camera.get("zoneId").asLong()).isEqualTo(zone);
    }

    @Test
    void lifecycleMovesAlongItsPathAndRefusesIllegalStepsWith409() {
        long zone = Fixtures.zone(VILLAGE, "学校门口", "SCHOOL_GATE");
        Fixtures.register("CAM-L-1", VILLAGE, zone, null).statusCode(201);

        move("CAM-L-1", "OPERATIONAL", null).statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("PLANNED")).body("detail", containsString("PLANNED"))
                .body("allowed", contains("DECOMMISSIONED", "INSTALLED"));
        move("CAM-L-1", "INSTALLED", "\"0\"").statusCode(200).header("ETag", "\"1\"").body("lifecycle", equalTo("INSTALLED"));
        move("CAM-L-1", "OPERATIONAL", "\"0\"").statusCode(412);
        move("CAM-L-1", "OPERATIONAL", null).statusCode(200).body("lifecycle", equalTo("OPERATIONAL"));
        move("CAM-L-1", "FAULTY", null).statusCode(200);
        move("CAM-L-1", "INSTALLED", null).statusCode(409).body("currentState", equalTo("FAULTY"));
        move("CAM-L-1", "OPERATIONAL", null).statusCode(200);
        move("CAM-L-1", "DECOMMISSIONED", null).statusCode(200).header("ETag", "\"5\"");
        move("CAM-L-1", "OPERATIONAL", null).statusCode(409).body("currentState", equalTo("DECOMMISSIONED"));
        given().contentType(ContentType.JSON).body("{\"to\":\"SOMEWHERE\"}").post("/api/v1/cameras/CAM-L-1/lifecycle")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(details(zone, 43.6, 123.6))
                .put("/api/v1/cameras/CAM-L-1").then().statusCode(409).body("currentState", equalTo("DECOMMISSIONED"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf("CAM-L-1").stream()
                .filter(e -> e.ceType().startsWith("cunjian.camera.lifecycle-changed") || e.ceType().startsWith("cunjian.camera.decommissioned"))
                .map(e -> e.ceType().equals("cunjian.camera.decommissioned.v1") ? "decommissioned"
                        : EventsOnTopic.data(e).get("from").asText() + ">" + EventsOnTopic.data(e).get("to").asText())
                .toList()).containsExactly("PLANNED>INSTALLED", "INSTALLED>OPERATIONAL", "OPERATIONAL>FAULTY",
                "FAULTY>OPERATIONAL", "OPERATIONAL>DECOMMISSIONED", "decommissioned"));
    }

    @Test
    void updatesNeedTheCurrentVersionAndKeepTheCameraInItsVillage() {
        long zone = Fixtures.zone(VILLAGE, "广场", "SQUARE");
        long zone2 = Fixtures.zone(VILLAGE, "河边", "RIVER_BANK");
        long elsewhere = Fixtures.zone(OTHER_VILLAGE, "村口", "ENTRANCE");
        Fixtures.register("CAM-U-1", VILLAGE, zone, "INSTALLED").statusCode(201);

        given().contentType(ContentType.JSON).body(details(zone2, 43.6, 123.6)).put("/api/v1/cameras/CAM-U-1").then()
                .statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(details(zone2, 43.6, 123.6))
                .put("/api/v1/cameras/CAM-U-1").then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(details(elsewhere, 43.6, 123.6))
                .put("/api/v1/cameras/CAM-U-1").then().statusCode(400).body("errors.field", hasItem("zoneId"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(details(zone2, 91, 123.6))
                .put("/api/v1/cameras/CAM-U-1").then().statusCode(400).body("errors.field", hasItem("position.latitude"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(details(zone2, 43.6, 123.6))
                .put("/api/v1/cameras/CAM-U-1").then().statusCode(200).header("ETag", "\"1\"")
                .body("zoneId", equalTo((int) zone2)).body("position.latitude", equalTo(43.6f));
        // unchanged: same version, no event
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(details(zone2, 43.6, 123.6))
                .put("/api/v1/cameras/CAM-U-1").then().statusCode(200).header("ETag", "\"1\"");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf("CAM-U-1"))
                .extracting(TopicReader.Event::ceType).containsExactly("cunjian.camera.registered.v1", "cunjian.camera.updated.v1"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"大广场\",\"kind\":\"SQUARE\",\"centre\":{\"latitude\":43.5,\"longitude\":123.5}}")
                .put("/api/v1/zones/" + zone).then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("大广场"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\":\"河边\",\"kind\":\"SQUARE\"}")
                .put("/api/v1/zones/" + zone).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void maintenanceIsLoggedPerCamera() {
        long zone = Fixtures.zone(VILLAGE, "北路", "MAIN_ROAD");
        Fixtures.register("CAM-M-1", VILLAGE, zone, "OPERATIONAL").statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"doneOn\":\"2026-11-20\",\"kind\":\"CLEANING\",\"notes\":\"镜头清洁\",\"technician\":\"王师傅\"}")
                .post("/api/v1/cameras/CAM-M-1/maintenance").then().statusCode(201).body("kind", equalTo("CLEANING"))
                .body("recordedBy", equalTo("test-district-admin"));
        given().contentType(ContentType.JSON).body("{\"doneOn\":\"2026-11-25\",\"kind\":\"REPAIR\",\"technician\":\"李师傅\"}")
                .post("/api/v1/cameras/CAM-M-1/maintenance").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"doneOn\":\"2026-11-25\",\"kind\":\"PAINTING\",\"technician\":\"李师傅\"}")
                .post("/api/v1/cameras/CAM-M-1/maintenance").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"doneOn\":\"2026-11-25\",\"kind\":\"REPAIR\",\"technician\":\"\"}")
                .post("/api/v1/cameras/CAM-M-1/maintenance").then().statusCode(400).body("errors.field", hasItem("technician"));
        given().get("/api/v1/cameras/CAM-M-1/maintenance").then().statusCode(200).body("total", equalTo(2))
                .body("items.kind", contains("REPAIR", "CLEANING"));
        given().contentType(ContentType.JSON).body("{\"doneOn\":\"2026-11-25\",\"kind\":\"REPAIR\",\"technician\":\"李师傅\"}")
                .post("/api/v1/cameras/NOPE-1/maintenance").then().statusCode(404);
    }

    @Test
    void refusesBadCamerasAndWritesNothing() {
        long zone = Fixtures.zone(VILLAGE, "西口", "ENTRANCE");
        long elsewhere = Fixtures.zone(OTHER_VILLAGE, "西口", "ENTRANCE");
        Fixtures.register("CAM-B-1", VILLAGE, zone, null).statusCode(201);
        long before = EventsOnTopic.outboxRows(db, VILLAGE);

        // the same serial again
        Fixtures.register("CAM-B-1", VILLAGE, zone, null).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("CAM-B-1"));
        refused("CAM-B-2", Fixtures.camera("CAM-B-2", VILLAGE, zone, null).replace("43.5", "95.0"), 400, "position.latitude");
        refused("CAM-B-3", Fixtures.camera("CAM-B-3", VILLAGE, zone, null).replace("123.5", "-181"), 400, "position.longitude");
        refused("CAM-B-4", Fixtures.camera("CAM-B-4", VILLAGE, 999_999, null), 400, "zoneId");
        refused("CAM-B-5", Fixtures.camera("CAM-B-5", VILLAGE, elsewhere, null), 400, "zoneId");
        refused("CAM B 6", Fixtures.camera("CAM B 6", VILLAGE, zone, null), 400, "serial");
        refused("CAM-B-7", Fixtures.camera("CAM-B-7", VILLAGE, zone, "DECOMMISSIONED"), 400, "lifecycle");
        refused("CAM-B-8", Fixtures.camera("CAM-B-8", VILLAGE, zone, null).replace("\"model\":\"DS-2CD3T46\",", ""), 400, "model");
        refused("CAM-B-9", Fixtures.camera("CAM-B-9", VILLAGE, zone, null).replace("2024-05-01", "yesterday"), 400);
        // a village this service does not hold: 422 once its replica has read everything, 503 before (UnknownVillageTest)
        String unknownVillage = "460101001099";
        given().contentType(ContentType.JSON).body(Fixtures.camera("CAM-B-10", unknownVillage, zone, null))
                .post("/api/v1/cameras").then().statusCode(org.hamcrest.Matchers.oneOf(422, 503));
        given().contentType(ContentType.JSON).body("{\"villageCode\":\"" + VILLAGE + "\",\"name\":\"西口\",\"kind\":\"ENTRANCE\"}")
                .post("/api/v1/zones").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"villageCode\":\"" + VILLAGE + "\",\"name\":\"歪点\",\"kind\":\"ENTRANCE\",\"centre\":{\"latitude\":43,\"longitude\":200}}")
                .post("/api/v1/zones").then().statusCode(400).body("errors.field", hasItem("centre.longitude"));
        given().contentType(ContentType.JSON).body("{\"villageCode\":\"" + VILLAGE + "\",\"name\":\"怪类\",\"kind\":\"CASTLE\"}")
                .post("/api/v1/zones").then().statusCode(400);
        assertThat(count("SELECT count(*) FROM zone WHERE village_code = '" + unknownVillage + "'")).isZero();
        assertThat(count("SELECT count(*) FROM zone WHERE name IN ('歪点', '怪类')")).isZero();
        assertThat(EventsOnTopic.outboxRows(db, unknownVillage)).isZero();
        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).as("no event for any refused write").isEqualTo(before);
    }

    @Test
    void listsFilterByRegionVillageZoneLifecycleOnlineAndVendor() {
        String village = "460102001001";
        Fixtures.village(bootstrap, prefix, replica, village, "前进村");
        long a = Fixtures.zone(village, "A口", "ENTRANCE");
        long b = Fixtures.zone(village, "B街", "MAIN_ROAD");
        Fixtures.register("CAM-F-1", village, a, "OPERATIONAL").statusCode(201);
        Fixtures.register("CAM-F-2", village, a, null).statusCode(201);
        given().contentType(ContentType.JSON).body(Fixtures.camera("CAM-F-3", village, b, "INSTALLED").replace("海康威视", "大华"))
                .post("/api/v1/cameras").then().statusCode(201);
        Fixtures.heartbeat(null, "CAM-F-1").statusCode(200);

        given().queryParam("within", "460102").get("/api/v1/cameras").then().statusCode(200).body("total", equalTo(3))
                .body("items.serial", contains("CAM-F-1", "CAM-F-2", "CAM-F-3"));
        given().queryParam("village", village).queryParam("zone", a).get("/api/v1/cameras").then().body("total", equalTo(2));
        given().queryParam("village", village).queryParam("lifecycle", "INSTALLED").get("/api/v1/cameras").then()
                .body("items.serial", contains("CAM-F-3"));
        given().queryParam("village", village).queryParam("online", true).get("/api/v1/cameras").then()
                .body("items.serial", contains("CAM-F-1")).body("items[0].lastSeen", notNullValue());
        given().queryParam("village", village).queryParam("online", false).get("/api/v1/cameras").then().body("total", equalTo(2));
        given().queryParam("village", village).queryParam("vendor", "大华").get("/api/v1/cameras").then()
                .body("items.serial", contains("CAM-F-3"));
        given().queryParam("village", village).queryParam("size", 1).queryParam("page", 2).get("/api/v1/cameras").then()
                .body("total", equalTo(3)).body("items.serial", contains("CAM-F-3"));
        given().queryParam("within", "46x").get("/api/v1/cameras").then().statusCode(400).body("errors.field", hasItem("within"));
        given().queryParam("lifecycle", "BROKEN").get("/api/v1/cameras").then().statusCode(400);
        given().queryParam("online", "maybe").get("/api/v1/cameras").then().statusCode(400).body("errors.field", hasItem("online"));
        given().queryParam("covered", "yes").get("/api/v1/zones").then().statusCode(400).body("errors.field", hasItem("covered"));
        given().queryParam("within", "47").get("/api/v1/cameras").then().statusCode(403);

        given().queryParam("village", village).get("/api/v1/zones").then().body("total", equalTo(2))
                .body("items.name", contains("A口", "B街"));
        given().queryParam("village", village).queryParam("covered", true).get("/api/v1/zones").then()
                .body("items.name", contains("A口"));
        given().get("/api/v1/villages/" + village + "/coverage").then().statusCode(200)
                .body("zones", equalTo(2)).body("coveredZones", equalTo(1)).body("coverage", equalTo(0.5f))
                .body("camerasByLifecycle.OPERATIONAL", equalTo(1)).body("camerasByLifecycle.PLANNED", equalTo(1))
                .body("camerasByLifecycle.INSTALLED", equalTo(1)).body("operationalOnline", equalTo(1))
                .body("blindZones.name", contains("B街"));
        given().get("/api/v1/villages/460102001099/coverage").then().statusCode(404);
    }

    @Test
    void accessFollowsRolesAndRegions() {
        long zone = Fixtures.zone(VILLAGE, "南口", "ENTRANCE");
        Fixtures.register("CAM-A-1", VILLAGE, zone, "OPERATIONAL").statusCode(201);
        String viewer = SignIn.bearer(Tokens.viewer("4601"));
        String farViewer = SignIn.bearer(Tokens.viewer("47"));
        String contractor = SignIn.bearer(Tokens.contractor(Tokens.CONTRACTOR_ID, "46"));
        String device = SignIn.bearer(Tokens.device(VILLAGE));
        String staff = SignIn.bearer(Tokens.townshipStaff("460101001"));

        given().header("Authorization", viewer).get("/api/v1/cameras/CAM-A-1").then().statusCode(200);
        given().header("Authorization", viewer).get("/api/v1/villages/" + VILLAGE + "/coverage").then().statusCode(200);
        given().header("Authorization", viewer).get("/api/v1/cameras").then().statusCode(200).body("items.villageCode", everyItem(containsString("4601")));
        given().header("Authorization", viewer).contentType(ContentType.JSON).body("{\"to\":\"FAULTY\"}")
                .post("/api/v1/cameras/CAM-A-1/lifecycle").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", farViewer).get("/api/v1/cameras/CAM-A-1").then().statusCode(403);
        given().header("Authorization", farViewer).get("/api/v1/cameras").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", contractor).get("/api/v1/cameras/CAM-A-1").then().statusCode(403);
        given().header("Authorization", contractor).get("/api/v1/cameras").then().statusCode(403);
        given().header("Authorization", contractor).get("/api/v1/zones/" + zone).then().statusCode(403);
        given().header("Authorization", device).get("/api/v1/cameras/CAM-A-1").then().statusCode(403);
        given().header("Authorization", device).contentType(ContentType.JSON).body(Fixtures.camera("CAM-A-2", VILLAGE, zone, null))
                .post("/api/v1/cameras").then().statusCode(403);
        given().header("Authorization", device).contentType(ContentType.JSON).body("{\"serials\":[\"CAM-A-1\"]}")
                .post("/api/v1/heartbeats").then().statusCode(200).body("accepted", equalTo(1));
        given().header("Authorization", SignIn.bearer(Tokens.device(OTHER_VILLAGE))).contentType(ContentType.JSON)
                .header("Accept-Language", "en").body("{\"serials\":[\"CAM-A-1\"]}").post("/api/v1/heartbeats").then().statusCode(403)
                .body("forbiddenSerials", contains("CAM-A-1"))
                .body(equalTo("{\"type\":\"https://cunjian.dev/problems/forbidden\",\"title\":\"Not allowed for the caller's role or regions\","
                        + "\"status\":403,\"detail\":\"these cameras lie outside your regions: CAM-A-1; no heartbeat of the batch was recorded\","
                        + "\"instance\":\"/api/v1/heartbeats\",\"forbiddenSerials\":[\"CAM-A-1\"]}"));
        given().header("Authorization", contractor).contentType(ContentType.JSON).body("{\"serials\":[\"CAM-A-1\"]}")
                .post("/api/v1/heartbeats").then().statusCode(403);
        given().header("Authorization", staff).contentType(ContentType.JSON).body("{\"to\":\"FAULTY\"}")
                .post("/api/v1/cameras/CAM-A-1/lifecycle").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM camera WHERE serial = 'CAM-A-2'")).isZero();
    }

    private io.restassured.response.ValidatableResponse move(String serial, String to, String ifMatch) {
        var r = given().contentType(ContentType.JSON).body("{\"to\":\"" + to + "\",\"reason\":\"测试\"}");
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.post("/api/v1/cameras/" + serial + "/lifecycle").then();
    }

    static String details(long zone, double lat, double lng) {
        return "{\"zoneId\":" + zone + ",\"model\":\"DS-2CD3T46\",\"vendor\":\"海康威视\",\"position\":{\"latitude\":" + lat
                + ",\"longitude\":" + lng + "},\"installedOn\":\"2024-05-01\",\"installer\":\"四平安装公司\"}";
    }

    private List<TopicReader.Event> eventsOf(String serial) {
        return EventsOnTopic.forKey(bootstrap, topic(), VILLAGE, (int) EventsOnTopic.outboxRows(db, VILLAGE)).stream()
                .filter(e -> EventsOnTopic.data(e).path("serial").asText().equals(serial)).toList();
    }

    void refused(String serial, String body, int status, String... fields) {
        var answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/cameras").then().statusCode(status)
                .contentType("application/problem+json");
        if (fields.length > 0) {
            answer.body("errors.field", hasItems(fields));
        }
        assertThat(count("SELECT count(*) FROM camera WHERE serial = '" + serial + "'")).as("camera row " + serial).isZero();
    }

    long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
