package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.TestEvents;
import io.restassured.path.json.JsonPath;

/**
 * The three producers' facts as their schemas say, sent to reporting's topics, and the reports read back:
 * what the reporting tests that go through the events share. Every event sent is first checked against its
 * committed schema; a test may stamp events with a past time ({@link #stamp}) for "as of".
 */
abstract class ProducerEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOWNSHIP = "220382105";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @jakarta.inject.Inject
    javax.sql.DataSource db;
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

    UUID send(String topic, String key, String type, String json) {
        return send(topic, key, UUID.randomUUID(), type, json);
    }

    /** When set, events are stamped with this ce_time instead of now (for "as of"). */
    String stamp;

    UUID send(String topic, String key, UUID id, String type, String json) {
        try {
            assertThat(EventsOnTopic.schemaProblems(type, JSON.readTree(json))).as(type + " " + json).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        if (stamp == null) {
            return events.send(prefix + topic, key, id, type, json);
        }
        RecordHeaders h = new RecordHeaders();
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", id.toString()}, {"ce_type", type},
                {"ce_source", "/cunjian/test"}, {"ce_time", stamp}, {"ce_subject", key}}) {
            h.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        events.sendRaw(prefix + topic, key, json.getBytes(StandardCharsets.UTF_8), h);
        return id;
    }

    void standard(String id, String items) {
        send("village.events", "standard:" + id, "cunjian.standard.published.v1", """
                {"id":"%s","scope":"22","nameZh":"测试标准","nameEn":"Test","illustrative":true,"basedOn":null,
                 "items":%s,"publishedBy":"system"}""".formatted(id, items));
    }

    static final String THREE_ITEMS = """
            [{"code":"street-lighting","kind":"HAVE","labelZh":"有路灯照明","labelEn":"Street lighting","measure":"WORK_QUANTITY","countsGroups":["LIGHTING"]},
             {"code":"camera-coverage","kind":"HAVE","labelZh":"有安防监控","labelEn":"Cameras","measure":"CAMERA_COVERAGE","countsGroups":[]},
             {"code":"no-ruined-walls","kind":"NONE","labelZh":"无残垣断壁","labelEn":"No ruined walls","measure":"INSPECTION","countsGroups":[]}]""";

    void village(String code, String name, boolean demonstration) {
        send("village.events", code, "cunjian.village.registered.v1", """
                {"code":"%s","name":"%s","townshipCode":"%s","demonstration":%s,"version":0}"""
                .formatted(code, name, TOWNSHIP, demonstration));
    }

    void plan(String village, String standard, int revision, int lamps, int heads, Integer minCameras) {
        send("village.events", village, revision == 1 ? "cunjian.plan.set.v1" : "cunjian.plan.changed.v1", """
                {"villageCode":"%s","revision":%d,"standardId":"%s","deadline":"2026-12-31",
                 "workTargets":[{"itemCode":"street-lighting","categoryCode":"street-lamp-repair","unit":"LAMP","quantity":%d},
                                {"itemCode":"street-lighting","categoryCode":"lamp-head-replacement","unit":"PIECE","quantity":%d}],
                 "coverageTargets":[{"itemCode":"camera-coverage","requiredCoveragePercent":100,"minimumOperationalCameras":%s}],
                 "changedBy":"staff","note":null}""".formatted(village, revision, standard, lamps, heads, minCameras));
    }

    /** An order verified with {@code quantity}; returns the id of the verified event. */
    UUID verifiedOrder(String village, String order, String category, String unit, int quantity) {
        send("workorder.events", village, "cunjian.workorder.created.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"%s","unit":"%s","plannedQuantity":%d,"status":"DRAFT",
                 "by":"staff","version":0,"title":"维修","priority":"NORMAL","dueDate":"2026-01-31"}"""
                .formatted(order, village, category, unit, quantity));
        return send("workorder.events", village, "cunjian.workorder.verified.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"%s","unit":"%s","plannedQuantity":%d,"status":"VERIFIED",
                 "previousStatus":"COMPLETED","by":"staff","version":6,"contractorId":"91220300MA14ABCD1X",
                 "actualQuantity":%d,"verifiedQuantity":%d}""".formatted(order, village, category, unit, quantity, quantity, quantity));
    }

    void zone(String village, long zone, String name, boolean covered, int zones, int coveredZones) {
        send("camera.events", village, "cunjian.camera.zone-coverage-changed.v1", """
                {"villageCode":"%s","zoneId":%d,"zoneName":"%s","covered":%s,"cause":"HEARTBEAT","villageZones":%d,
                 "villageCoveredZones":%d}""".formatted(village, zone, name, covered, zones, coveredZones));
    }

    void camera(String village, String serial, long zone, String lifecycle) {
        send("camera.events", village, "cunjian.camera.registered.v1", """
                {"serial":"%s","villageCode":"%s","zoneId":%d,"model":"DS-2CD","vendor":"海康威视",
                 "position":{"latitude":43.51,"longitude":123.50},"installedOn":"2022-05-01","installer":"某公司","lifecycle":"%s","version":0}"""
                .formatted(serial, village, zone, lifecycle));
    }

    void online(String village, String serial, long zone, boolean online) {
        send("camera.events", village, "cunjian.camera.online-changed.v1", """
                {"serial":"%s","villageCode":"%s","zoneId":%d,"online":%s,"lastSeen":"2026-11-29T08:00:00+08:00","cause":"HEARTBEAT"}"""
                .formatted(serial, village, zone, online));
    }

    void inspection(String village, String item, String verdict, String on) {
        send("village.events", village, "cunjian.inspection.recorded.v1", """
                {"id":"%s","villageCode":"%s","standardId":"test-standard","itemCode":"%s","verdict":"%s","inspectedOn":"%s",
                 "inspector":"王检查","notes":null,"photos":[],"recordedBy":"staff"}""".formatted(UUID.randomUUID(), village, item, verdict, on));
    }

    static JsonPath awaitReport(String village, java.util.function.Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = given().get("/api/v1/reports/villages/" + village);
            if (r.statusCode() != 200) {
                return false;
            }
            last[0] = r.jsonPath();
            return until.test(last[0]);
        });
        return last[0];
    }

    static float item(JsonPath report, String code) {
        return report.getFloat("items.find { it.code == '" + code + "' }.progress");
    }

    /** A report without its freshness and the times since when a status holds: the figures themselves. */
    static String figures(String villageOrPath) {
        String path = villageOrPath.startsWith("/") ? villageOrPath : "/api/v1/reports/villages/" + villageOrPath;
        var tree = given().get(path).then().statusCode(200).extract().as(com.fasterxml.jackson.databind.node.ObjectNode.class);
        tree.remove(List.of("freshness", "since"));
        tree.path("items").forEach(i -> ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("since"));
        return tree.toString();
    }
}
