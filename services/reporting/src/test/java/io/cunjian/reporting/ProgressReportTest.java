package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A village's progress from the three producers' events, checked figure by figure against docs/design.md's
 * table (its worked example included): repeats change nothing, facts arriving early are applied when what
 * they refer to arrives, a correction moves the figure, a poison record is set aside, a past day keeps its
 * figures.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class ProgressReportTest extends ProducerEvents {

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
        // a year (366 days, a leap year's) at most: one day more is refused naming from
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/series?from=2025-07-30&to=2026-07-31").then().statusCode(200)
                .body("asOf", org.hamcrest.Matchers.hasItem("2026-07-31"));
        given().get("/api/v1/reports/regions/" + TOWNSHIP + "/series?from=2025-07-29&to=2026-07-31&period=WEEK").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("from")));
        given().get("/api/v1/reports/villages/" + v + "/as-of/not-a-date").then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
    }
}
