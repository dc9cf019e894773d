package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Progress from the three producers' events, checked figure by figure against docs/design.md's table
 * (its worked example included): repeats change nothing, facts arriving early are applied when
 * what they refer to arrives, a correction moves the figure, a poison record is set aside.
 * Every event sent is first checked against its committed schema.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class ProgressReportTest {

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

    // ---- the producers' facts, as their schemas say ----

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

    @Test
    void theWorkedExampleOfTheDesignAndEveryMeasure() {
        String v = TOWNSHIP + "201";
        standard("test-standard", THREE_ITEMS);
        village(v, "永加社区", true);
        plan(v, "test-standard", 1, 80, 140, 2);
        verifiedOrder(v, "wo-" + v + "-1", "street-lamp-repair", "LAMP", 40);
        UUID repeat = verifiedOrder(v, "wo-" + v + "-2", "street-lamp-repair", "LAMP", 24);
        verifiedOrder(v, "wo-" + v + "-3", "lamp-head-replacement", "PIECE", 140);
        zone(v, 9001, "南出口", true, 2, 1);
        zone(v, 9002, "203国道", false, 2, 1);
        camera(v, "CAM-" + v + "-1", 9001, "OPERATIONAL");
        online(v, "CAM-" + v + "-1", 9001, true);
        camera(v, "CAM-" + v + "-2", 9002, "FAULTY");
        inspection(v, "no-ruined-walls", "FAIL", "2026-11-20");

        // 64 lamps of 80 and 140 heads of 140: (0.8 + 1.0) / 2 = 0.9, in progress (docs/design.md)
        JsonPath r = awaitReport(v, p -> p.getList("items").size() == 3 && item(p, "camera-coverage") > 0
                && "FAILING".equals(p.getString("items.find { it.code == 'no-ruined-walls' }.status")));
        assertThat(item(r, "street-lighting")).isEqualTo(0.9f);
        assertThat(r.getString("items.find { it.code == 'street-lighting' }.status")).isEqualTo("IN_PROGRESS");
        assertThat(r.getFloat("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done"))
                .isEqualTo(64f);
        assertThat(r.getFloat("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.target"))
                .isEqualTo(80f);
        // 1 of 2 zones covered = 50 %; 1 operational camera of a minimum of 2 = 0.5
        assertThat(item(r, "camera-coverage")).isEqualTo(0.5f);
        assertThat(r.getString("items.find { it.code == 'camera-coverage' }.status")).isEqualTo("IN_PROGRESS");
        assertThat(item(r, "no-ruined-walls")).isZero();
        // (0.9 + 0.5 + 0) / 3
        assertThat(r.getFloat("progress")).isEqualTo(0.4667f);
        assertThat(r.getBoolean("meetsStandard")).isFalse();
        assertThat(r.getString("name")).isEqualTo("永加社区");
        assertThat(r.getString("freshness.lastEventTime")).isNotNull();

        // the same verified event delivered again changes nothing
        send("workorder.events", v, repeat, "cunjian.workorder.verified.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":24,
                 "status":"VERIFIED","previousStatus":"COMPLETED","by":"staff","version":6,"contractorId":"91220300MA14ABCD1X",
                 "actualQuantity":24,"verifiedQuantity":24}""".formatted("wo-" + v + "-2", v));
        // a correction of the first order (40 → 30) moves the figure: (30+24)/80 = 0.675 → (0.675 + 1) / 2
        send("workorder.events", v, "cunjian.workorder.corrected.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":40,
                 "status":"VERIFIED","previousStatus":"VERIFIED","by":"admin","version":7,"contractorId":"91220300MA14ABCD1X",
                 "verifiedQuantity":30,"previousQuantity":40,"newQuantity":30,"reason":"复核少了10盏"}""".formatted("wo-" + v + "-1", v));
        r = awaitReport(v, p -> item(p, "street-lighting") != 0.9f);
        assertThat(item(r, "street-lighting")).isEqualTo(0.8375f);
        assertThat(r.getFloat("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done"))
                .isEqualTo(54f);

        // everything met: the second camera comes online and operational, the zone covered, the wall inspection passes
        send("camera.events", v, "cunjian.camera.lifecycle-changed.v1", """
                {"serial":"CAM-%s-2","villageCode":"%s","zoneId":9002,"from":"FAULTY","to":"OPERATIONAL","reason":null,"version":1}"""
                .formatted(v, v));
        online(v, "CAM-" + v + "-2", 9002, true);
        zone(v, 9002, "203国道", true, 2, 2);
        inspection(v, "no-ruined-walls", "PASS", "2026-11-25");
        // an older inspection recorded late does not override the newer one
        inspection(v, "no-ruined-walls", "FAIL", "2026-11-01");
        verifiedOrder(v, "wo-" + v + "-4", "street-lamp-repair", "LAMP", 26);
        r = awaitReport(v, p -> p.getBoolean("meetsStandard"));
        assertThat(r.getFloat("progress")).isEqualTo(1f);
        assertThat(r.getInt("itemsMet")).isEqualTo(3);
        assertThat(r.getString("items.find { it.code == 'no-ruined-walls' }.status")).isEqualTo("MET");
    }

    @Test
    void factsThatArriveEarlyAreAppliedWhenWhatTheyReferToArrives() {
        String v = TOWNSHIP + "202";
        // a verified order before its village, and a plan before its standard version
        verifiedOrder(v, "wo-" + v + "-1", "street-lamp-repair", "LAMP", 20);
        village(v, "孙家村", false);
        plan(v, "test-standard-late", 1, 40, 10, null);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/api/v1/reports/villages/" + v).statusCode() == 404);

        standard("test-standard-late", THREE_ITEMS);
        JsonPath r = awaitReport(v, p -> true);
        // 20 of 40 lamps, 0 of 10 heads: (0.5 + 0) / 2
        assertThat(item(r, "street-lighting")).isEqualTo(0.25f);
        assertThat(r.getString("standardId")).isEqualTo("test-standard-late");
        // no zones, no cameras, no inspection: not started
        assertThat(r.getString("items.find { it.code == 'camera-coverage' }.status")).isEqualTo("NOT_STARTED");
    }

    @Test
    void aPoisonWorkOrderRecordIsSetAsideAndTheNextOneCounts() {
        String v = TOWNSHIP + "203";
        standard("test-standard-poison", THREE_ITEMS);
        village(v, "长岭子村", false);
        plan(v, "test-standard-poison", 1, 10, 10, null);
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        h.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        h.add("ce_type", "cunjian.workorder.verified.v1".getBytes(StandardCharsets.UTF_8));
        h.add("ce_source", "/cunjian/test".getBytes(StandardCharsets.UTF_8));
        h.add("ce_time", "2026-11-29T08:00:00+08:00".getBytes(StandardCharsets.UTF_8));
        events.sendRaw(prefix + "workorder.events", v, "{\"orderId\":".getBytes(StandardCharsets.UTF_8), h);
        // a time that is not RFC 3339: once enough to stop the channel for good, before any failure strategy
        RecordHeaders badTime = new RecordHeaders();
        h.forEach(header -> badTime.add(header.key().equals("ce_time") ? new org.apache.kafka.common.header.internals.RecordHeader(
                "ce_time", "yesterday".getBytes(StandardCharsets.UTF_8)) : header));
        events.sendRaw(prefix + "workorder.events", v, "{}".getBytes(StandardCharsets.UTF_8), badTime);
        verifiedOrder(v, "wo-" + v + "-1", "street-lamp-repair", "LAMP", 10);

        JsonPath r = awaitReport(v, p -> item(p, "street-lighting") > 0);
        assertThat(item(r, "street-lighting")).isEqualTo(0.5f);
        List<TopicReader.Event> dead = TopicReader.readUntil(bootstrap, prefix + "workorder.events.dlq", Duration.ofSeconds(20),
                read -> read.stream().filter(e -> v.equals(e.key())).count() >= 2);
        assertThat(dead).extracting(TopicReader.Event::key).filteredOn(v::equals).hasSize(2);
    }

    @Test
    void aRegionRollsUpItsVillagesAndOnlyItsViewersSeeIt() {
        String a = TOWNSHIP + "211", b = TOWNSHIP + "212";
        standard("test-standard-region", THREE_ITEMS);
        village(a, "甲村", true);
        village(b, "乙村", false);
        plan(a, "test-standard-region", 1, 10, 10, null);
        plan(b, "test-standard-region", 1, 10, 10, null);
        verifiedOrder(a, "wo-" + a + "-1", "street-lamp-repair", "LAMP", 10);
        verifiedOrder(a, "wo-" + a + "-2", "lamp-head-replacement", "PIECE", 10);
        zone(b, 9101, "村口", false, 1, 0);
        awaitReport(a, p -> item(p, "street-lighting") == 1f);
        awaitReport(b, p -> p.getString("items.find { it.code == 'camera-coverage' }.status").equals("IN_PROGRESS"));

        given().get("/api/v1/reports/regions/" + TOWNSHIP).then().statusCode(200)
                .body("villagesWithPlan", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("items.find { it.standardId == 'test-standard-region' && it.itemCode == 'street-lighting' }.villages", equalTo(2))
                .body("items.find { it.standardId == 'test-standard-region' && it.itemCode == 'street-lighting' }.met", equalTo(1))
                // both labels, so the English dashboard's item chart names items rather than showing codes
                .body("items.find { it.standardId == 'test-standard-region' && it.itemCode == 'street-lighting' }.labelEn",
                        equalTo("Street lighting"))
                .body("mostOftenMissing.find { it.itemCode == 'street-lighting' }.labelEn", equalTo("Street lighting"))
                .body("blindZones.zone", hasItem("村口"))
                .body("laggards.code", hasItem(b))
                .body("freshness.lagSeconds", notNullValue());
        // the header says what the body says (one reading of the freshness per answer)
        var answer = given().get("/api/v1/reports/regions/" + TOWNSHIP);
        String header = answer.header("Data-Freshness");
        assertThat(Double.parseDouble(header.substring("lag-seconds=".length(), header.indexOf(';'))))
                .isCloseTo(answer.jsonPath().getDouble("freshness.lagSeconds"), org.assertj.core.api.Assertions.within(0.001));
        // a village that becomes a demonstration village counts as one in the roll-up (township totals follow the village)
        JsonPath before = answer.jsonPath();
        send("village.events", b, "cunjian.village.updated.v1", """
                {"code":"%s","name":"乙村","townshipCode":"%s","demonstration":true,"version":1}""".formatted(b, TOWNSHIP));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/reports/regions/" + TOWNSHIP).jsonPath().getLong("demonstrationVillages")
                        > before.getLong("demonstrationVillages"));
        assertThat(given().get("/api/v1/reports/regions/" + TOWNSHIP).jsonPath().getLong("villagesWithPlan"))
                .isEqualTo(before.getLong("villagesWithPlan"));
        // the form county offices pass on: CSV (UTF-8 with BOM) and XLSX, Chinese headers unless English is asked for
        byte[] csv = given().get("/api/v1/reports/regions/" + TOWNSHIP + "/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .header("Data-Freshness", org.hamcrest.Matchers.containsString("last-event=")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF村代码,村名,乡镇代码,示范村,标准版本,进度（%）,是否达标");
        assertThat(text.lines()).anyMatch(l -> l.startsWith(a + ",甲村," + TOWNSHIP + ",是,test-standard-region,")
                && l.contains("已达标"));
        String english = new String(given().header("Accept-Language", "en").get("/api/v1/reports/regions/" + TOWNSHIP + "/export")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(english).startsWith("\uFEFFVillage code,Village,");
        byte[] xlsx = given().get("/api/v1/reports/regions/" + TOWNSHIP + "/export?format=xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        String sheet = new String(extract(xlsx), StandardCharsets.UTF_8);
        assertThat(sheet).contains("<t>甲村</t>").contains("<t>乙村</t>").contains("<t>有路灯照明</t>");
        assertThat(sheet).as("well-formed XML").satisfies(xml -> javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/export?format=pdf").then().statusCode(400);

        given().header("Authorization", SignIn.bearer(Tokens.viewer("220322"))).get("/api/v1/reports/regions/" + TOWNSHIP)
                .then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.viewer("220322"))).get("/api/v1/reports/villages/" + a)
                .then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.contractor(Tokens.CONTRACTOR_ID, "220382")))
                .get("/api/v1/reports/regions/220382").then().statusCode(403);
        given().get("/api/v1/reports/regions/22038").then().statusCode(400);
    }

    @Test
    void aPastDayKeepsItsFiguresWhenLaterEventsArrive() {
        String v = TOWNSHIP + "221";
        stamp = "2026-06-10T10:00:00+08:00";
        standard("test-standard-history", THREE_ITEMS);
        village(v, "丙村", false);
        plan(v, "test-standard-history", 1, 40, 10, null);
        verifiedOrder(v, "wo-" + v + "-1", "street-lamp-repair", "LAMP", 20);
        awaitReport(v, p -> item(p, "street-lighting") == 0.25f);
        String june = "/api/v1/reports/villages/" + v + "/as-of/2026-06-30";
        given().get(june).then().statusCode(200).body("items.find { it.code == 'street-lighting' }.progress", equalTo(0.25f));
        // a verified order at 23:30 on 30 June (China) still counts for that day
        stamp = "2026-06-30T23:30:00+08:00";
        verifiedOrder(v, "wo-" + v + "-2", "lamp-head-replacement", "PIECE", 10);
        awaitReport(v, p -> item(p, "street-lighting") == 0.75f);
        // July's work does not change June
        stamp = "2026-07-05T09:00:00+08:00";
        verifiedOrder(v, "wo-" + v + "-3", "street-lamp-repair", "LAMP", 20);
        awaitReport(v, p -> item(p, "street-lighting") == 1f);
        stamp = null;

        given().get(june).then().statusCode(200).header("Data-Freshness", org.hamcrest.Matchers.startsWith("lag-seconds="))
                .body("items.find { it.code == 'street-lighting' }.progress", equalTo(0.75f))
                .body("items.find { it.code == 'street-lighting' }.status", equalTo("IN_PROGRESS"));
        given().get("/api/v1/reports/villages/" + v + "/as-of/2026-06-09").then().statusCode(404);
        given().get("/api/v1/reports/villages/" + v + "/as-of/2026-07-31").then().statusCode(200)
                .body("items.find { it.code == 'street-lighting' }.progress", equalTo(1f));
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/series?from=2026-06-01&to=2026-07-31&period=MONTH").then()
                .statusCode(200).body("asOf", equalTo(List.of("2026-06-30", "2026-07-31")))
                .body("[0].itemsMet.'test-standard-history/street-lighting'", equalTo(0))
                .body("[1].itemsMet.'test-standard-history/street-lighting'", equalTo(1));
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/series?to=2026-07-31").then().statusCode(400);
        given().get("/api/v1/reports/villages/" + v + "/as-of/not-a-date").then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
    }

    @Test
    void aRebuildFromOffsetZeroReachesTheSameFiguresWhileLiveEventsGoOn() throws Exception {
        String a = TOWNSHIP + "231", b = TOWNSHIP + "232";
        stamp = "2026-05-10T10:00:00+08:00";
        standard("test-standard-rebuild", THREE_ITEMS);
        village(a, "重建甲村", true);
        village(b, "重建乙村", false);
        plan(a, "test-standard-rebuild", 1, 40, 10, 1);
        plan(b, "test-standard-rebuild", 1, 10, 10, null);
        verifiedOrder(a, "wo-" + a + "-1", "street-lamp-repair", "LAMP", 20);
        // as live events come: a day's events applied before the next day's (history is kept by day)
        awaitReport(a, p -> item(p, "street-lighting") == 0.25f);
        stamp = "2026-05-20T10:00:00+08:00";
        verifiedOrder(b, "wo-" + b + "-1", "lamp-head-replacement", "PIECE", 10);
        zone(a, 9301, "东口", true, 1, 1);
        camera(a, "CAM-" + a + "-1", 9301, "OPERATIONAL");
        online(a, "CAM-" + a + "-1", 9301, true);
        inspection(b, "no-ruined-walls", "FAIL", "2026-05-20");
        stamp = null;
        awaitReport(a, p -> item(p, "street-lighting") == 0.25f && item(p, "camera-coverage") == 1f);
        awaitReport(b, p -> "FAILING".equals(p.getString("items.find { it.code == 'no-ruined-walls' }.status")));
        String beforeB = figures(b);
        String beforeAsOf = figures("/api/v1/reports/villages/" + a + "/as-of/2026-05-15");

        // a rebuild whose instance died long ago, its half-built tables left behind
        long abandoned;
        try (var c = db.getConnection(); var s = c.createStatement()) {
            var rs = s.executeQuery("INSERT INTO rp_rebuild (state, requested_by, started_at, heartbeat_at)"
                    + " VALUES ('BUILDING', 'died', now() - interval '1 hour', now() - interval '1 hour') RETURNING id");
            rs.next();
            abandoned = rs.getLong(1);
            s.execute("CREATE SCHEMA rp_build_" + abandoned + "; CREATE TABLE rp_build_" + abandoned + ".rp_village (code text)");
        }

        String admin = SignIn.bearer(Tokens.districtAdmin("22"));
        given().header("Authorization", SignIn.bearer(Tokens.districtAdmin("220382"))).post("/api/v1/admin/rebuilds")
                .then().statusCode(403);
        given().post("/api/v1/admin/rebuilds").then().statusCode(403); // a viewer
        String location = given().header("Authorization", admin).post("/api/v1/admin/rebuilds").then().statusCode(201)
                .body("state", equalTo("BUILDING")).extract().header("Location");
        // live events go on while it rebuilds; they count in the figures that come out of it
        verifiedOrder(a, "wo-" + a + "-2", "street-lamp-repair", "LAMP", 20);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                !"BUILDING".equals(given().header("Authorization", admin).get(location).then().statusCode(200)
                        .extract().jsonPath().getString("state")));
        JsonPath rebuild = given().header("Authorization", admin).get(location).then().extract().jsonPath();
        assertThat(rebuild.getString("state")).as(rebuild.prettify()).isEqualTo("SWITCHED");
        given().header("Authorization", admin).get("/api/v1/admin/rebuilds/" + abandoned).then().statusCode(200)
                .body("state", equalTo("FAILED"));
        try (var c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'rp_build_" + abandoned + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the abandoned rebuild's tables are dropped").isZero();
        }
        assertThat(rebuild.getLong("events")).isGreaterThanOrEqualTo(15);
        assertThat(rebuild.getLong("unreadable")).as("the poison record of another test, read again, not applied")
                .isLessThanOrEqualTo(1);

        JsonPath r = awaitReport(a, p -> item(p, "street-lighting") == 0.5f);
        assertThat(r.getFloat("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done"))
                .as("each verified order counted once").isEqualTo(40f);
        assertThat(item(r, "camera-coverage")).isEqualTo(1f);
        // the figures live events had made, made again from offset zero, history included
        assertThat(figures(b)).isEqualTo(beforeB);
        assertThat(figures("/api/v1/reports/villages/" + a + "/as-of/2026-05-15")).isEqualTo(beforeAsOf);
        // and live events go on into the rebuilt tables
        verifiedOrder(a, "wo-" + a + "-3", "lamp-head-replacement", "PIECE", 5);
        awaitReport(a, p -> item(p, "street-lighting") == 0.75f);
        given().header("Authorization", admin).get("/api/v1/admin/rebuilds/999999").then().statusCode(404);

        // one at a time, whichever instance runs it: while one is building, another request is refused
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO rp_rebuild (state, requested_by, started_at, heartbeat_at) VALUES ('BUILDING', 'other', now(), now())");
            try {
                given().header("Authorization", admin).post("/api/v1/admin/rebuilds").then().statusCode(409)
                        .contentType("application/problem+json").body("currentState.state", equalTo("BUILDING"));
            } finally {
                s.execute("DELETE FROM rp_rebuild WHERE requested_by = 'other'");
            }
        }
    }

    /** A report without its freshness and the times since when a status holds: the figures themselves. */
    static String figures(String villageOrPath) {
        String path = villageOrPath.startsWith("/") ? villageOrPath : "/api/v1/reports/villages/" + villageOrPath;
        var tree = given().get(path).then().statusCode(200).extract().as(com.fasterxml.jackson.databind.node.ObjectNode.class);
        tree.remove(List.of("freshness", "since"));
        tree.path("items").forEach(i -> ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("since"));
        return tree.toString();
    }

    /** The worksheet part of an XLSX, to check that it is well-formed XML. */
    static byte[] extract(byte[] xlsx) {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return zip.readAllBytes();
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no worksheet in the XLSX");
    }
}
