package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What a township sees across its villages (the roll-up, its exports, who may read it), and a rebuild from
 * offset zero that reaches the figures live events had made while live events go on.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class RegionReportAndRebuildTest extends ProducerEvents {

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
                .header("Data-Freshness", org.hamcrest.Matchers.containsString("last-event="))
                // exports spend their own budget (ADR 0025)
                .header("RateLimit-Policy", org.hamcrest.Matchers.startsWith("\"exports\";q=")).extract().asByteArray();
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
        // ProgressReportTest's two poison records (a cut-off body, a time that is not RFC 3339) are on the topic
        // when it ran first: read again, not applied
        assertThat(rebuild.getLong("unreadable")).as("the poison records of another test, read again, not applied")
                .isLessThanOrEqualTo(2);

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
