package io.cunjian.chassis.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV a service writes for people to open (docs/design.md, "API conventions"), printed by Apache Commons CSV:
 * UTF-8 with a BOM, so Excel in China reads it right; CRLF lines; a cell quoted when it must be (a comma, a quote or
 * a line break in it).
 * <p>
 * A spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage
 * return before one) as a formula, so a village named {@code =HYPERLINK("http://x","y")} would become a link, or
 * worse, in the office that opens the export. Such text is written behind an apostrophe, as OWASP's CSV injection
 * guidance says; numbers stay numbers ({@code -3}, {@code 0.5}), whether given as numbers or as text that is one.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final String BOM = "\uFEFF";
    /** Commons CSV's RFC 4180 format: CRLF, a cell quoted only when it must be. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.MINIMAL).get();
    /** A plain number a spreadsheet reads as a number, never as a formula: -3, +4, 0.5, .5, 1e-3. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvExport() {
    }

    /** The file: a header line, then one line per row; {@code null} cells are empty. */
    public static byte[] write(List<?> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(CsvExport::cell));
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(CsvExport::cell));
            }
        } catch (IOException e) {
            // a StringBuilder does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What one cell holds in the file, before quoting: numbers and booleans as they are, text made safe to open. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return neutralise(value.toString());
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe; any other text is left as it is. */
    public static String neutralise(String text) {
        return startsAFormula(text) ? "'" + text : text;
    }

    /**
     * The text a cell held before {@link #neutralise}: for an import that reads this service's own exports back, so
     * an export imported elsewhere holds the same names. Other text is left as it is.
     */
    public static String restore(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && startsAFormula(text.substring(1)) ? text.substring(1) : text;
    }

    private static boolean startsAFormula(String text) {
        if (text.isEmpty() || NUMBER.matcher(text).matches()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
