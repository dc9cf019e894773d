package io.cunjian.chassis.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.ProblemException;

/** The import mechanism on its own: encodings, XLSX cells, the header, the caps and POI's zip-bomb limits. */
class SpreadsheetReaderTest {

    static final List<Column> COLUMNS = List.of(Column.required("villageCode", "村代码"), Column.required("title", "标题"),
            Column.optional("plannedQuantity", "计划数量"), Column.optional("dueDate", "截止日期"));
    static final SpreadsheetReader.Limits LIMITS = new SpreadsheetReader.Limits(100, 1_000, 64L << 20, 0.01);

    static List<SheetRow> read(byte[] file, SpreadsheetReader.Limits limits) {
        return SpreadsheetReader.read(file, COLUMNS, limits);
    }

    @Test
    void aGb18030CsvWithChineseHeadersReadsAsUtf8Would() {
        String csv = "村代码,标题,计划数量\r\n220382201001,国道沿线路灯维修,80\r\n\r\n220382201001,\"村口, 绿化\",12.5\r\n";
        byte[] gb = csv.getBytes(Charset.forName("GB18030"));
        assertThat(new String(gb, StandardCharsets.UTF_8)).as("not valid UTF-8").doesNotContain("路灯");
        List<SheetRow> rows = read(gb, LIMITS);
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("国道沿线路灯维修", "村口, 绿化");
        assertThat(rows).extracting(SheetRow::row).containsExactly(2, 3);
        assertThat(read(csv.getBytes(StandardCharsets.UTF_8), LIMITS)).isEqualTo(rows);
    }

    @Test
    void anXlsxKeepsCodesAndQuantitiesAsTypedAndDatesAsIsoDates() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("标题");
            header.createCell(1).setCellValue("villageCode");
            header.createCell(2).setCellValue("计划数量");
            header.createCell(3).setCellValue("截止日期");
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("=HYPERLINK(\"x\")");
            row.createCell(1).setCellValue(220382201001d);
            row.createCell(2).setCellValue(80.5);
            row.getCell(2).setCellStyle(format(sheet, "0"));
            row.createCell(3).setCellValue(LocalDate.of(2026, 6, 30));
            row.getCell(3).setCellStyle(format(sheet, "yyyy/m/d"));
        });
        List<SheetRow> rows = read(xlsx, LIMITS);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).row()).as("the sheet's row number").isEqualTo(3);
        assertThat(rows.get(0).values()).containsEntry("villageCode", "220382201001").containsEntry("plannedQuantity", "80.5")
                .containsEntry("dueDate", "2026-06-30").containsEntry("title", "=HYPERLINK(\"x\")");
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefusedNamingIt() {
        assertThatThrownBy(() -> read("标题,计划数量\nx,1\n".getBytes(StandardCharsets.UTF_8), LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.errors()).containsExactly(new FieldError("file", "problem.import.header"));
                    assertThat(e.extensions()).containsEntry("missingColumns", List.of("villageCode"));
                });
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x81, 0x30, (byte) 0xFF}, LIMITS))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("file", "problem.import.encoding")));
    }

    @Test
    void theRowAndCellCapsRefuseALargerFile() throws IOException {
        StringBuilder csv = new StringBuilder("villageCode,title\n");
        for (int i = 0; i < 11; i++) {
            csv.append("220382201001,t").append(i).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(read(file, new SpreadsheetReader.Limits(11, 1_000, 64L << 20, 0.01))).hasSize(11);
        assertThatThrownBy(() -> read(file, new SpreadsheetReader.Limits(10, 1_000, 64L << 20, 0.01)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions()).containsEntry("maxRows", 10L));
        assertThatThrownBy(() -> read(file, new SpreadsheetReader.Limits(100, 23, 64L << 20, 0.01)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions()).containsEntry("maxCells", 23L));
        byte[] xlsx = workbook(sheet -> {
            for (int r = 0; r < 12; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r == 0 ? "村代码" : "220382201001");
                sheet.getRow(r).createCell(1).setCellValue(r == 0 ? "标题" : "t" + r);
            }
        });
        assertThatThrownBy(() -> read(xlsx, new SpreadsheetReader.Limits(10, 1_000, 64L << 20, 0.01)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.extensions()).containsEntry("maxRows", 10L));
    }

    /** A sheet padded with 30 MB of blanks compresses about a thousand times: refused before it is parsed. */
    @Test
    void anXlsxZipBombIsRefused() throws IOException {
        byte[] bomb = padded(workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("村代码");
            sheet.getRow(0).createCell(1).setCellValue("标题");
            sheet.createRow(1).createCell(0).setCellValue("220382201001");
            sheet.getRow(1).createCell(1).setCellValue("t");
        }), 30 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> read(bomb, LIMITS)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("file", "problem.import.zip-bomb")));
        // the size limit on its own
        assertThatThrownBy(() -> read(bomb, new SpreadsheetReader.Limits(100, 1_000, 8L << 20, 0)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("file", "problem.import.zip-bomb")));
        // without the limits the same file is read: the limits are what refused it
        assertThat(read(bomb, new SpreadsheetReader.Limits(100, 1_000, 1L << 30, 0))).hasSize(1);
    }

    interface Filler {
        void fill(Sheet sheet);
    }

    static byte[] workbook(Filler filler) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filler.fill(workbook.createSheet("s"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static CellStyle format(Sheet sheet, String format) {
        CellStyle style = sheet.getWorkbook().createCellStyle();
        style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(format));
        return style;
    }

    /** The workbook with {@code blanks} spaces after the sheet's {@code <sheetData>}: valid XML, and a bomb. */
    static byte[] padded(byte[] xlsx, int blanks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < blanks / spaces.length; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
