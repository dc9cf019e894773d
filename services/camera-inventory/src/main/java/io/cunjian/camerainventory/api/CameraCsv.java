package io.cunjian.camerainventory.api;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.cunjian.chassis.export.CsvExport;

/**
 * The camera CSV: read as UTF-8 (with or without BOM) or GB18030 (what Excel saves in China),
 * written as UTF-8 with BOM so Excel opens it. Columns by English name or their Chinese label, in any order.
 */
final class CameraCsv {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** column → its Chinese label (both are accepted in a header; exports use "english"). */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("serial", "序列号");
        COLUMNS.put("villageCode", "村代码");
        COLUMNS.put("zone", "覆盖区域");
        COLUMNS.put("model", "型号");
        COLUMNS.put("vendor", "厂商");
        COLUMNS.put("latitude", "纬度");
        COLUMNS.put("longitude", "经度");
        COLUMNS.put("installedOn", "安装日期");
        COLUMNS.put("installer", "安装单位");
        COLUMNS.put("lifecycle", "状态");
    }

    static final List<String> REQUIRED = List.of("serial", "villageCode", "zone", "model", "vendor", "latitude", "longitude");

    /** One data row: its line in the file (the header is row 1) and its values by column. */
    record Row(int row, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    record Parsed(List<Row> rows, List<String> missingColumns) {
    }

    private CameraCsv() {
    }

    /** The text of an upload, or empty when it is neither UTF-8 nor GB18030. */
    static Optional<String> decode(byte[] bytes) {
        if (bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2]) {
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

    static Parsed parse(String text) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> byHeader = new LinkedHashMap<>();
            for (String h : parser.getHeaderNames()) {
                String column = column(h);
                if (column != null) {
                    byHeader.put(h, column);
                }
            }
            List<String> missing = REQUIRED.stream().filter(c -> !byHeader.containsValue(c)).toList();
            List<Row> rows = new ArrayList<>();
            if (missing.isEmpty()) {
                for (CSVRecord r : parser) {
                    Map<String, String> values = new LinkedHashMap<>();
                    // a cell our own export wrote behind an apostrophe (it would start a formula) reads back as it was
                    byHeader.forEach((header, column) -> values.put(column,
                            r.isMapped(header) && r.isSet(header) ? CsvExport.restore(r.get(header).strip()) : ""));
                    // the header is line 1; a record's line is where it starts
                    rows.add(new Row((int) r.getRecordNumber() + 1, values));
                }
            }
            return new Parsed(rows, missing);
        }
    }

    private static String column(String header) {
        String h = header.strip();
        for (Map.Entry<String, String> c : COLUMNS.entrySet()) {
            if (c.getKey().equalsIgnoreCase(h) || c.getValue().equals(h)) {
                return c.getKey();
            }
        }
        return null;
    }

    /** The chassis' CSV (UTF-8 with BOM, formulas neutralised), one line per camera, the import's columns (so an export imports elsewhere). */
    static byte[] write(List<List<Object>> rows) {
        List<Object> header = new ArrayList<>(COLUMNS.keySet());
        header.add(2, "zoneId");
        header.add("online");
        header.add("lastSeen");
        return CsvExport.write(header, rows);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
