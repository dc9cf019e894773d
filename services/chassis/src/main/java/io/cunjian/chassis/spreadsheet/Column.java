package io.cunjian.chassis.spreadsheet;

/**
 * One column of an import: the API's field name and the Chinese label an office's sheet has in its header (either is
 * accepted, the field name in any case); the template writes the label.
 */
public record Column(String field, String label, boolean required) {

    public static Column required(String field, String label) {
        return new Column(field, label, true);
    }

    public static Column optional(String field, String label) {
        return new Column(field, label, false);
    }

    boolean names(String header) {
        String h = header.strip();
        return field.equalsIgnoreCase(h) || label.equals(h);
    }
}
