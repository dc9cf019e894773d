package io.cunjian.chassis.spreadsheet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a record an import creates, derived from what its row says (ADR 0037): the same row imported again, from
 * the same file or another (CSV or XLSX, rows in another order), names the same record, which then exists and is left
 * as it is. Two identical rows in one file are two records: the second gets the next occurrence.
 */
public final class ImportKeys {

    private final String kind;
    private final Map<UUID, Integer> occurrences = new HashMap<>();

    /** {@code kind}: what the ids are of, e.g. {@code work-order}, so two kinds never share one. */
    public ImportKeys(String kind) {
        this.kind = kind;
    }

    /** The next id for a row of these values, as the request has them (parsed: 80 and 80.0 are one quantity). */
    public UUID next(List<?> values) {
        UUID content = name(kind + "\u0000" + String.join("\u0000", values.stream().map(ImportKeys::canonical).toList()));
        int occurrence = occurrences.merge(content, 1, Integer::sum);
        return occurrence == 1 ? content : name(content + "#" + occurrence);
    }

    private static String canonical(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return Objects.toString(value, "");
    }

    private static UUID name(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
