package io.cunjian.camerainventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** CSV import (UTF-8 with/without BOM, GB18030; all or nothing with a row report) and export (UTF-8 with BOM). */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"49"})
class CameraCsvTest {

    static final String VILLAGE = "490101001001";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    RegionReplica replica;

    @BeforeEach
    void village() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE, "永加社区");
        if (count("SELECT count(*) FROM zone WHERE village_code = '" + VILLAGE + "'") == 0) {
            Fixtures.zone(VILLAGE, "东村口", "ENTRANCE");
            Fixtures.zone(VILLAGE, "主街", "MAIN_ROAD");
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    io.restassured.response.ValidatableResponse upload(byte[] file) {
        return given().contentType("text/csv").body(file).post("/api/v1/cameras/import").then();
    }

    @Test
    void importsAUtf8FileWithBomAndChineseHeadersThenExportsItForExcel() {
        String csv = "序列号,村代码,覆盖区域,型号,厂商,纬度,经度,安装日期,安装单位,状态\r\n"
                + "CSV-1,490101001001,东村口,DS-2CD3T46,海康威视,43.51,123.51,2024-05-01,四平安装公司,OPERATIONAL\r\n"
                + "CSV-2,490101001001,主街,\"IPC-HFW,2431\",大华,43.52,123.52,2024/05/02,,\r\n";
        upload(concat(BOM, csv.getBytes(StandardCharsets.UTF_8))).statusCode(201).body("imported", equalTo(2))
                .body("serials", contains("CSV-1", "CSV-2"));
        given().get("/api/v1/cameras/CSV-2").then().statusCode(200).body("model", equalTo("IPC-HFW,2431"))
                .body("lifecycle", equalTo("PLANNED")).body("installedOn", equalTo("2024-05-02"));
        assertThat(rows("cunjian.camera.registered.v1")).isGreaterThanOrEqualTo(2);

        byte[] export = given().queryParam("village", VILLAGE).queryParam("vendor", "大华").get("/api/v1/cameras/export").then()
                .statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString("cameras.csv"))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(export, 3)).isEqualTo(BOM);
        String text = new String(export, 3, export.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("serial,villageCode,zoneId,zone,model,vendor,latitude,longitude,installedOn,installer,lifecycle,online,lastSeen\r\n");
        assertThat(text).contains("CSV-2,490101001001,").contains(",主街,\"IPC-HFW,2431\",大华,43.52,123.52,2024-05-02,,PLANNED,false,");
        assertThat(text.lines().count()).isEqualTo(2);
        given().header("Authorization", SignIn.bearer(Tokens.contractor(Tokens.CONTRACTOR_ID, "49"))).get("/api/v1/cameras/export")
                .then().statusCode(403);
    }

    /** A name a spreadsheet would run as a formula is exported behind an apostrophe; numbers stay numbers. */
    @Test
    void anExportRunsNoFormulaInASpreadsheet() {
        String csv = "serial,villageCode,zone,model,vendor,latitude,longitude,installer\n"
                + "FX-1,490101001001,东村口,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@vendor,43.53,123.53,-crew\n";
        upload(csv.getBytes(StandardCharsets.UTF_8)).statusCode(201);
        given().get("/api/v1/cameras/FX-1").then().statusCode(200).body("model", equalTo("=HYPERLINK(\"http://x\",\"y\")"));
        byte[] export = given().queryParam("village", VILLAGE).queryParam("vendor", "@vendor").get("/api/v1/cameras/export").then()
                .statusCode(200).extract().asByteArray();
        String text = new String(export, 3, export.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("FX-1,490101001001,").contains(",东村口,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@vendor,43.53,123.53,,'-crew,");
    }

    /** The token is looked at before the file's content type: without one a wrong type is 401, with one 415. */
    @Test
    void anImportWithoutATokenIs401WhateverItsContentType() {
        long before = count("SELECT count(*) FROM camera");
        byte[] file = "serial,villageCode,zone,model,vendor,latitude,longitude\nT-1,490101001001,东村口,M,V,43.5,123.5\n"
                .getBytes(StandardCharsets.UTF_8);
        given().noFilters().contentType("application/json").body(file).post("/api/v1/cameras/import").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/unauthorized"));
        given().noFilters().header("Authorization", SignIn.bearer("not-a-token")).contentType("multipart/form-data; boundary=x")
                .body(file).post("/api/v1/cameras/import").then().statusCode(401);
        given().contentType("application/json").body(file).post("/api/v1/cameras/import").then().statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("https://cunjian.dev/problems/unsupported-media-type"));
        assertThat(count("SELECT count(*) FROM camera")).isEqualTo(before);
    }

    @Test
    void importsAGb18030FileAsExcelSavesItInChina() {
        String csv = "serial,villageCode,zone,model,vendor,latitude,longitude,installer\n"
                + "GB-1,490101001001,东村口,球机,宇视科技,43.6,123.6,梨树县安装队\n";
        byte[] gb = csv.getBytes(Charset.forName("GB18030"));
        assertThat(new String(gb, StandardCharsets.UTF_8)).as("not valid UTF-8").doesNotContain("东村口");
        upload(gb).statusCode(201).body("imported", equalTo(1));
        given().get("/api/v1/cameras/GB-1").then().statusCode(200).body("vendor", equalTo("宇视科技"))
                .body("installer", equalTo("梨树县安装队")).body("model", equalTo("球机"));
        // without BOM, UTF-8
        upload(csv.replace("GB-1", "U8-1").getBytes(StandardCharsets.UTF_8)).statusCode(201);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithARowByRowReport() {
        long before = count("SELECT count(*) FROM camera WHERE village_code = '" + VILLAGE + "'");
        long events = EventsOnTopic.outboxRows(db, VILLAGE);
        String csv = "serial,villageCode,zone,model,vendor,latitude,longitude,installedOn,lifecycle\n"
                + "BAD-1,490101001001,东村口,M,V,43.5,123.5,,\n"              // fine on its own
                + "BAD-2,490101001001,东村口,M,V,95,123.5,,\n"                // latitude
                + "BAD-3,490101001001,无此区,M,V,43.5,123.5,,\n"              // zone
                + "BAD-1,490101001001,东村口,M,V,43.5,123.5,,\n"              // duplicate in file
                + "BAD-5,490101001099,东村口,M,V,43.5,123.5,,\n"              // village unknown
                + "BAD-6,490101001001,东村口,M,V,43.5,abc,tomorrow,BROKEN\n"; // longitude, date, lifecycle
        upload(csv.getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/validation"))
                .body("rows.row", contains(3, 4, 5, 6, 7, 7, 7))
                .body("rows.column", contains("latitude", "zone", "serial", "villageCode", "longitude", "installedOn", "lifecycle"))
                .body("errors.field", hasItems("rows[3].latitude", "rows[7].lifecycle"));
        assertThat(count("SELECT count(*) FROM camera WHERE village_code = '" + VILLAGE + "'")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM camera WHERE serial = 'BAD-1'")).isZero();
        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).isEqualTo(events);

        upload("serial,villageCode,model\nX,490101001001,M\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("missingColumns", hasItems("zone", "vendor", "latitude", "longitude"));
        upload("serial,villageCode,zone,model,vendor,latitude,longitude\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors.field", hasItem("file"));
        upload("serial,villageCode,zone,model,vendor,latitude,longitude\n\"Q-1,490101001001,东村口,M,V,43,123\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json");
        upload(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x81, 0x30, (byte) 0xFF}).statusCode(400)
                .body("errors.field", hasItem("file"));
        assertThat(count("SELECT count(*) FROM camera WHERE serial = 'Q-1'")).isZero();
    }

    @Test
    void aFiftyMegabyteUploadIs413AndChangesNothing() {
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        upload(big).statusCode(413).contentType("application/problem+json");
    }

    long rows(String type) {
        return count("SELECT count(*) FROM outbox_event WHERE event_key = '" + VILLAGE + "' AND ce_type = '" + type + "'");
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
