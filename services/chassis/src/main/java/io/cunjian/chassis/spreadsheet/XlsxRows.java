package io.cunjian.chassis.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.ProblemException;

/**
 * The first sheet of an XLSX, row by row, with POI's streaming (SAX) reader: nothing but the current row is held, so
 * the row and cell caps stop a large sheet while it is read. POI's zip-bomb limits ({@link ZipSecureFile}) refuse a
 * part that inflates beyond the ratio or the size allowed before it is parsed.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static void read(byte[] bytes, SpreadsheetReader.Collector collector, SpreadsheetReader.Limits limits) {
        // POI's limits are process-wide; every service reads with the same configuration
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputProblem("file", "problem.import.empty");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), new Rows(collector), new PlainValues(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            ProblemException cap = capInside(e);
            if (cap != null) {
                throw cap;
            }
            boolean bomb = bomb(e);
            throw new InvalidInputProblem("file", bomb ? "problem.import.zip-bomb" : "problem.import.unreadable");
        } finally {
            if (pkg != null) {
                // read only: nothing is saved back
                pkg.revert();
            }
        }
        collector.finish();
    }

    /** A cap reached inside the SAX parser comes back wrapped. */
    private static ProblemException capInside(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }

    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    /** Collects a row's cells by column index and hands the row over when it ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SpreadsheetReader.Collector collector;
        private Map<Integer, String> cells = new LinkedHashMap<>();
        private int row;

        Rows(SpreadsheetReader.Collector collector) {
            this.collector = collector;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum + 1;
            cells = new LinkedHashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            collector.row(row, cells);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference != null) {
                cells.put((int) new CellReference(reference).getCol(), formattedValue);
            }
        }
    }

    /**
     * A number as it was typed, not as the cell's format shows it: a village code typed as a number stays
     * {@code 220382201001} (Excel's General format would show 2.20382E+11), a quantity shown rounded keeps its
     * decimals. A date is an ISO date ({@code 2026-06-30}), with its time only when it has one.
     */
    static final class PlainValues extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
