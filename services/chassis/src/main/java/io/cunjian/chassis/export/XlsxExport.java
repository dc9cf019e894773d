package io.cunjian.chassis.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Every XLSX a service writes for people to open: one sheet, written by POI's streaming SXSSF (a window of rows in
 * memory, the rest flushed to a temporary file), so a large export does not hold the whole workbook.
 * <p>
 * No cell is a formula: a number is a number cell, a boolean a boolean cell, anything else a string cell, which a
 * spreadsheet shows as the text it is and never runs. So a village named {@code =HYPERLINK(…)} is shown by that name,
 * without the apostrophe a CSV needs ({@link CsvExport}).
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows SXSSF keeps in memory before it flushes them. */
    private static final int WINDOW = 200;

    private XlsxExport() {
    }

    /** The workbook: a header row, then one row per row; {@code null} cells are empty text. */
    public static byte[] write(String sheetName, List<?> header, List<? extends List<?>> rows) {
        return write(sheetName, header, rows, false);
    }

    /**
     * A workbook whose columns are formatted as text ({@code @}): an import template, where a code typed in it stays
     * the text it was typed as (Excel would make {@code 220382201001} a number and show it as 2.20382E+11).
     */
    public static byte[] template(String sheetName, List<?> header) {
        return write(sheetName, header, List.of(), true);
    }

    private static byte[] write(String sheetName, List<?> header, List<? extends List<?>> rows, boolean textColumns) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        // Plain ZIP entries: in its default mode POI writes ZIP64 data descriptors without the ZIP64 field in the
        // entries' headers, which readers of ordinary ZIP files (java.util.zip among them) misread as a wrong entry
        // size. An export is nowhere near the 4 GB that would need ZIP64.
        workbook.setZip64Mode(Zip64Mode.Never);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            if (textColumns) {
                CellStyle text = workbook.createCellStyle();
                text.setDataFormat(workbook.createDataFormat().getFormat("@"));
                for (int i = 0; i < header.size(); i++) {
                    sheet.setDefaultColumnStyle(i, text);
                    sheet.setColumnWidth(i, 16 * 256);
                }
            }
            row(sheet.createRow(0), header);
            int r = 1;
            for (List<?> cells : rows) {
                row(sheet.createRow(r++), cells);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // the flushed rows' temporary file
            workbook.dispose();
        }
    }

    private static void row(Row row, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue(value == null ? "" : value.toString());
            }
        }
    }
}
