package io.cunjian.chassis.spreadsheet;

import java.util.Map;

/**
 * One data row of an imported file: its row as the office sees it (a CSV's line, a sheet's row number; the header is
 * row 1) and its cells by field name, stripped, empty when absent.
 */
public record SheetRow(int row, Map<String, String> values) {

    public String get(String field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    /** The cell, or null when it is empty: for optional fields of a request record. */
    public String orNull(String field) {
        String v = get(field);
        return v.isEmpty() ? null : v;
    }
}
