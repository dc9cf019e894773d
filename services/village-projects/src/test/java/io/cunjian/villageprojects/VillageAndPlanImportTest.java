package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Villages and plans from a spreadsheet (ADR 0037): a good file writes every row with its events, a bad row refuses
 * the whole file naming row and column, and the same file twice changes nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"42"})
class VillageAndPlanImportTest {

    static final String TOWNSHIP = "420101001";
    static final String STANDARD = "test-imports-42";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DataSource db;

    @BeforeEach
    void hierarchy() {
        for (String[] r : new String[][] {{"42", "导入省"}, {"4201", "导入市"}, {"420101", "导入县"}, {TOWNSHIP, "导入乡"}}) {
            given().contentType(ContentType.JSON).body("{\"code\":\"" + r[0] + "\",\"name\":\"" + r[1] + "\"}")
                    .post("/api/v1/regions").then().statusCode(oneOf(201, 409));
        }
        int drafted = given().contentType(ContentType.JSON).body("{\"id\":\"" + STANDARD
                + "\",\"scope\":\"42\",\"basedOn\":\"jilin-illustrative-v1\",\"nameZh\":\"导入\",\"nameEn\":\"Import\",\"illustrative\":true}")
                .post("/api/v1/standards").then().statusCode(oneOf(201, 409)).extract().statusCode();
        if (drafted == 201) {
            given().header("If-Match", "\"0\"").post("/api/v1/standards/" + STANDARD + "/publish").then().statusCode(200);
        }
    }

    static ValidatableResponse upload(String path, String type, byte[] file) {
        return given().contentType(type).body(file).post(path).then();
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("表");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void villagesFromAGb18030CsvAreRegisteredOnceAndAnEditedRowUpdatesItsVillage() {
        String a = TOWNSHIP + "101";
        String b = TOWNSHIP + "102";
        String csv = "村代码,乡镇代码,村名,户数,人口,示范村,创建年份,批次,联系人,联系电话\r\n"
                + a + "," + TOWNSHIP + ",东岭村,320,1100,是,2025,第一批,王书记,13904340000\r\n"
                + b + "," + TOWNSHIP + ",西岭村,,,否,,,,\r\n";
        byte[] file = csv.getBytes(Charset.forName("GB18030"));
        upload("/api/v1/villages/import", "text/csv", file).statusCode(201)
                .body("registered", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        given().get("/api/v1/villages/" + a).then().statusCode(200).body("name", equalTo("东岭村"))
                .body("demonstration", equalTo(true)).body("households", equalTo(320)).body("contact.phone", equalTo("13904340000"));
        long events = EventsOnTopic.outboxRows(db, a);
        assertThat(events).as("region and village registered").isEqualTo(2);

        upload("/api/v1/villages/import", "text/csv", file).statusCode(200)
                .body("registered", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        assertThat(EventsOnTopic.outboxRows(db, a)).as("nothing changed, nothing published").isEqualTo(events);

        upload("/api/v1/villages/import", "text/csv", csv.replace("320,1100", "330,1100").getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        given().get("/api/v1/villages/" + a).then().body("households", equalTo(330));
        assertThat(EventsOnTopic.outboxRows(db, a)).isEqualTo(events + 1);
    }

    @Test
    void aVillageFileWithABadRowWritesNothingAndNamesEachRow() {
        String good = TOWNSHIP + "201";
        String csv = "code,townshipCode,name,households,demonstration,contactPhone\n"
                + good + "," + TOWNSHIP + ",好村,10,否,\n"
                + TOWNSHIP + "202," + TOWNSHIP + ",,10,否,\n"                // row 3: name
                + TOWNSHIP + "203," + TOWNSHIP + ",户数村,很多,也许,\n"        // row 4: households, demonstration
                + good + "," + TOWNSHIP + ",重复村,10,否,\n"                  // row 5: code twice
                + TOWNSHIP + "204," + TOWNSHIP + ",电话村,10,否,13904340000\n"; // row 6: a phone without a name
        upload("/api/v1/villages/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json")
                .body("rows.row", contains(3, 4, 4, 5, 6))
                .body("rows.column", contains("name", "households", "demonstration", "code", "contactName"))
                .body("errors.field", hasItem("rows[4].households"));
        given().get("/api/v1/villages/" + good).then().statusCode(404);
        assertThat(EventsOnTopic.outboxRows(db, good)).isZero();

        // refused by the use case only: a village outside the caller's regions, beside a good one
        String outside = "430101001205";
        upload("/api/v1/villages/import", "text/csv", ("code,townshipCode,name\n" + good + "," + TOWNSHIP + ",好村\n"
                + outside + ",430101001,外村\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("rows.row", contains(3)).body("rows.column", contains("code"));
        given().get("/api/v1/villages/" + good).then().statusCode(404);
        assertThat(EventsOnTopic.outboxRows(db, good)).isZero();
    }

    @Test
    void plansFromAnXlsxAreSetOnceAndAPlanBreakingTheStandardIsRefusedWhole() throws IOException {
        String one = TOWNSHIP + "301";
        String two = TOWNSHIP + "302";
        for (String code : List.of(one, two)) {
            given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\",\"townshipCode\":\"" + TOWNSHIP
                    + "\",\"name\":\"村" + code.substring(9) + "\"}").post("/api/v1/villages").then().statusCode(oneOf(201, 409));
        }
        List<Object> header = List.of("村代码", "标准版本", "完成期限", "条目代码", "类别代码", "目标数量");
        byte[] file = xlsx(List.of(header,
                List.of(one, STANDARD, "2026-12-31", "street-lighting", "street-lamp-repair", 80),
                List.of(one, STANDARD, "2026-12-31", "street-lighting", "lamp-head-replacement", 140),
                List.of(two, STANDARD, "2026-12-31", "street-lighting", "street-lamp-repair", 12)));
        long events = EventsOnTopic.outboxRows(db, one);
        upload("/api/v1/villages/plans/import", XLSX, file).statusCode(201).body("set", equalTo(2)).body("unchanged", equalTo(0));
        given().get("/api/v1/villages/" + one + "/plan").then().statusCode(200).body("revision", equalTo(1))
                .body("workTargets.size()", equalTo(2))
                .body("workTargets.find { it.categoryCode == 'lamp-head-replacement' }.quantity", equalTo(140));
        assertThat(EventsOnTopic.outboxRows(db, one)).isEqualTo(events + 1);

        upload("/api/v1/villages/plans/import", XLSX, file).statusCode(200).body("set", equalTo(0)).body("unchanged", equalTo(2));
        given().get("/api/v1/villages/" + one + "/plan").then().body("revision", equalTo(1));
        assertThat(EventsOnTopic.outboxRows(db, one)).isEqualTo(events + 1);

        // a category the standard's item does not count, and a second deadline for one village: refused whole
        byte[] bad = xlsx(List.of(header,
                List.of(one, STANDARD, "2026-12-31", "street-lighting", "street-lamp-repair", 90),
                List.of(two, STANDARD, "2026-12-31", "street-lighting", "no-such-category", 12),
                List.of(one, STANDARD, "2027-06-30", "street-lighting", "lamp-head-replacement", 140)));
        upload("/api/v1/villages/plans/import", XLSX, bad).statusCode(400).body("rows.row", contains(4))
                .body("rows.column", contains("deadline"));
        byte[] badTarget = xlsx(List.of(header,
                List.of(one, STANDARD, "2026-12-31", "street-lighting", "street-lamp-repair", 90),
                List.of(two, STANDARD, "2026-12-31", "street-lighting", "no-such-category", 12)));
        upload("/api/v1/villages/plans/import", XLSX, badTarget).statusCode(400).body("rows.row", contains(3))
                .body("rows.column", contains("categoryCode"));
        given().get("/api/v1/villages/" + one + "/plan").then().body("revision", equalTo(1))
                .body("workTargets.find { it.categoryCode == 'street-lamp-repair' }.quantity", equalTo(80));
        assertThat(EventsOnTopic.outboxRows(db, one)).isEqualTo(events + 1);
    }

    @Test
    void eachKindHasATemplateWithChineseHeaders() {
        assertThat(given().queryParam("format", "csv").get("/api/v1/villages/import/template").then().statusCode(200)
                .extract().asString()).contains("村代码,乡镇代码,村名");
        assertThat(given().queryParam("format", "csv").get("/api/v1/villages/plans/import/template").then().statusCode(200)
                .extract().asString()).contains("村代码,标准版本,完成期限,条目代码,类别代码,目标数量");
        given().get("/api/v1/villages/plans/import/template").then().statusCode(200).contentType(XLSX);
    }
}
