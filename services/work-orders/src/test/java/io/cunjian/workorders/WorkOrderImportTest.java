package io.cunjian.workorders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
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
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Work orders from a spreadsheet (ADR 0037): each row a draft order with its created event, the whole file refused
 * when a row is bad (row and column named, nothing written), and the same file twice changing nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"43"})
class WorkOrderImportTest {

    static final String VILLAGE = "430105001001";
    static final String OTHER = "430105001002";
    static final String CATEGORY = "wo-import-lamp";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReferenceData reference;
    @Inject
    DataSource db;

    @BeforeEach
    void reference() {
        reference.category(CATEGORY, "LAMP", "盏");
        reference.village(VILLAGE);
        reference.village(OTHER);
    }

    static ValidatableResponse upload(String type, byte[] file) {
        return given().contentType(type).body(file).post("/api/v1/work-orders/import").then();
    }

    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("工单");
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
    void anXlsxCreatesEveryRowsOrderWithItsEventAndTheSameFileAgainChangesNothing() throws IOException {
        byte[] file = xlsx(List.of(
                List.of("村代码", "类别代码", "计划数量", "标题", "截止日期", "优先级", "地点"),
                List.of(VILLAGE, CATEGORY, 80, "国道沿线路灯维修", "2026-06-30", "HIGH", "102 国道永加段"),
                List.of(VILLAGE, CATEGORY, 12.5, "村口路灯", "", "", ""),
                // the same order twice in one file is two orders
                List.of(VILLAGE, CATEGORY, 12.5, "村口路灯", "", "", "")));
        long orders = WorkOrderApi.orderRows(db, VILLAGE);
        long events = EventsOnTopic.outboxRows(db, VILLAGE);
        upload(XLSX, file).statusCode(201).body("created", equalTo(3)).body("unchanged", equalTo(0));
        assertThat(WorkOrderApi.orderRows(db, VILLAGE)).isEqualTo(orders + 3);
        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).isEqualTo(events + 3);
        given().queryParam("village", VILLAGE).queryParam("size", 500).get("/api/v1/work-orders").then().statusCode(200)
                .body("items.title", hasItem("国道沿线路灯维修"))
                .body("items.find { it.title == '国道沿线路灯维修' }.priority", equalTo("HIGH"))
                .body("items.find { it.title == '国道沿线路灯维修' }.dueDate", equalTo("2026-06-30"))
                .body("items.find { it.title == '国道沿线路灯维修' }.status", equalTo("DRAFT"));

        upload(XLSX, file).statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(3));
        // the same rows as a GB18030 CSV are the same orders
        String csv = "村代码,类别代码,计划数量,标题,截止日期,优先级,地点\r\n"
                + VILLAGE + "," + CATEGORY + ",80.0,国道沿线路灯维修,2026/6/30,high,102 国道永加段\r\n";
        upload("text/csv", csv.getBytes(Charset.forName("GB18030"))).statusCode(200).body("unchanged", equalTo(1));
        assertThat(WorkOrderApi.orderRows(db, VILLAGE)).isEqualTo(orders + 3);
        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).isEqualTo(events + 3);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeNamingEachRowAndColumn() {
        long orders = WorkOrderApi.orderRows(db, OTHER);
        long events = EventsOnTopic.outboxRows(db, OTHER);
        String csv = "villageCode,categoryCode,plannedQuantity,title,dueDate,latitude,longitude\n"
                + OTHER + "," + CATEGORY + ",10,好的一行,,,\n"                      // fine on its own
                + OTHER + "," + CATEGORY + ",-1,数量为负,,,\n"                      // row 3: quantity
                + OTHER + "," + CATEGORY + ",abc,不是数字,明天,,\n"                 // row 4: quantity, date
                + OTHER + ",no-such-category,5,无此类别,,,\n"                      // row 5: the use case: category
                + "440105001001," + CATEGORY + ",5,不在辖区,,,\n"                  // row 6: the use case: region
                + OTHER + "," + CATEGORY + ",5,只有纬度,,43.5,\n";                 // row 7: the use case: position
        upload("text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/validation"))
                .body("rows.row", contains(3, 4, 4))
                .body("rows.column", contains("plannedQuantity", "plannedQuantity", "dueDate"))
                .body("errors.field", hasItem("rows[4].dueDate"));
        // the rows only the use case refuses: every one named, still nothing written
        String refusedByTheUseCase = csv.replace(OTHER + "," + CATEGORY + ",-1,数量为负,,,\n", "")
                .replace(OTHER + "," + CATEGORY + ",abc,不是数字,明天,,\n", "");
        upload("text/csv", refusedByTheUseCase.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("rows.row", contains(3, 4, 5))
                .body("rows.column", contains("categoryCode", "villageCode", "longitude"))
                .body("detail", containsString("3"));
        assertThat(WorkOrderApi.orderRows(db, OTHER)).isEqualTo(orders);
        assertThat(EventsOnTopic.outboxRows(db, OTHER)).isEqualTo(events);
    }

    @Test
    void theTemplateHasTheChineseHeaders() throws IOException {
        byte[] template = given().queryParam("format", "xlsx").get("/api/v1/work-orders/import/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("村代码");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("计划数量");
        }
        String csv = given().queryParam("format", "csv").get("/api/v1/work-orders/import/template").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains("村代码,类别代码,单位,计划数量,标题");
        given().queryParam("format", "pdf").get("/api/v1/work-orders/import/template").then().statusCode(400)
                .body("errors.field", hasItem("format"));
    }
}
