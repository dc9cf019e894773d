package io.cunjian.chassis.spreadsheet;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.cunjian.chassis.export.CsvExport;
import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.problem.ProblemType;

/**
 * Reads an uploaded spreadsheet, CSV or XLSX (told apart by the zip signature an XLSX starts with), into rows by field
 * name (ADR 0037). A CSV is UTF-8 (with or without BOM) or GB18030 (what Excel saves in China): read as UTF-8 strictly,
 * else as GB18030. The first non-empty row is the header; its cells are matched to the columns by field name or
 * Chinese label, in any order; other columns are ignored. Every file-level problem is a 400 naming {@code file}.
 */
@ApplicationScoped
public class SpreadsheetReader {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** The limits of one read; {@link ImportLimits} in a service. */
    public record Limits(int maxRows, long maxCells, long maxEntryBytes, double minInflateRatio) {
    }

    @Inject
    ImportLimits limits;

    public List<SheetRow> read(byte[] file, List<Column> columns) {
        return read(file, columns, new Limits(limits.maxRows(), limits.maxCells(), limits.maxEntrySize().asLongValue(),
                limits.minInflateRatio()));
    }

    public static List<SheetRow> read(byte[] file, List<Column> columns, Limits limits) {
        byte[] bytes = file == null ? new byte[0] : file;
        Collector collector = new Collector(columns, limits);
        if (startsWith(bytes, ZIP)) {
            XlsxRows.read(bytes, collector, limits);
        } else {
            csv(decode(bytes).orElseThrow(() -> new InvalidInputProblem("file", "problem.import.encoding")), collector);
        }
        return collector.rows();
    }

    /** The text of a CSV upload, or empty when it is neither UTF-8 nor GB18030. */
    static Optional<String> decode(byte[] bytes) {
        if (startsWith(bytes, UTF8_BOM)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        return utf8.isPresent() ? utf8 : strict(bytes, 0, GB18030);
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void csv(String text, Collector collector) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                Map<Integer, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < r.size(); i++) {
                    // a cell a CSV export wrote behind an apostrophe (it would start a formula) reads back as it was
                    cells.put(i, CsvExport.restore(r.get(i)));
                }
                // the header is record 1: a record's number is its row (its line, unless a cell spans lines)
                collector.row((int) r.getRecordNumber(), cells);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputProblem("file", "problem.import.unreadable").with("reason", String.valueOf(e.getMessage()));
        }
        collector.finish();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Takes rows in order, the first as the header, and holds the caps. */
    static final class Collector {

        private final List<Column> columns;
        private final Limits limits;
        private final Map<Integer, String> fieldByIndex = new LinkedHashMap<>();
        private final List<SheetRow> rows = new ArrayList<>();
        private boolean header;
        private long cells;

        Collector(List<Column> columns, Limits limits) {
            this.columns = columns;
            this.limits = limits;
        }

        void row(int row, Map<Integer, String> values) {
            values.values().removeIf(v -> v == null || v.isBlank());
            if (values.isEmpty()) {
                return;
            }
            cells += values.size();
            if (cells > limits.maxCells()) {
                throw tooMany("problem.import.too-many-cells", "maxCells", limits.maxCells());
            }
            if (!header) {
                header(values);
                return;
            }
            if (rows.size() >= limits.maxRows()) {
                throw tooMany("problem.import.too-many-rows", "maxRows", limits.maxRows());
            }
            Map<String, String> byField = new LinkedHashMap<>();
            fieldByIndex.forEach((index, field) -> byField.put(field, values.getOrDefault(index, "").strip()));
            rows.add(new SheetRow(row, byField));
        }

        private static ProblemException tooMany(String key, String member, long limit) {
            return new ProblemException(ProblemType.VALIDATION, List.of(new FieldError("file", key)), key, limit)
                    .with(member, limit);
        }

        private void header(Map<Integer, String> values) {
            header = true;
            values.forEach((index, text) -> columns.stream().filter(c -> c.names(text)).findFirst()
                    .filter(c -> !fieldByIndex.containsValue(c.field()))
                    .ifPresent(c -> fieldByIndex.put(index, c.field())));
            List<String> missing = columns.stream().filter(Column::required).map(Column::field)
                    .filter(f -> !fieldByIndex.containsValue(f)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputProblem("file", "problem.import.header").with("missingColumns", missing);
            }
        }

        void finish() {
            if (rows.isEmpty()) {
                throw new InvalidInputProblem("file", "problem.import.empty");
            }
        }

        List<SheetRow> rows() {
            return rows;
        }
    }
}
