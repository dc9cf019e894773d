package io.cunjian.chassis.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cell read as the type its request field has. An empty cell is null (the request's constraints decide whether
 * that is allowed); a cell that is no such value adds a problem naming the row and column and gives null.
 */
public final class Cells {

    /** 2026-06-30, 2026/6/30 (how Excel in China writes a date as text). */
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final Set<String> YES = Set.of("是", "true", "yes", "y", "1");
    private static final Set<String> NO = Set.of("否", "false", "no", "n", "0");

    private Cells() {
    }

    public static BigDecimal decimal(SheetRow row, String field, List<RowProblem> problems) {
        String v = row.get(field).replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            problems.add(RowProblem.of(row.row(), field, "problem.import.number"));
            return null;
        }
    }

    public static Integer integer(SheetRow row, String field, List<RowProblem> problems) {
        BigDecimal d = decimal(row, field, problems);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(RowProblem.of(row.row(), field, "problem.import.integer"));
            return null;
        }
    }

    public static LocalDate date(SheetRow row, String field, List<RowProblem> problems) {
        String v = row.get(field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.indexOf('/') >= 0 ? LocalDate.parse(v, SLASHED) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(RowProblem.of(row.row(), field, "problem.import.date"));
            return null;
        }
    }

    /** 是/否 (or true/false, yes/no, 1/0); empty is {@code otherwise}. */
    public static boolean yesNo(SheetRow row, String field, boolean otherwise, List<RowProblem> problems) {
        String v = row.get(field).toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return otherwise;
        }
        if (YES.contains(v) || NO.contains(v)) {
            return YES.contains(v);
        }
        problems.add(RowProblem.of(row.row(), field, "problem.import.yes-no"));
        return otherwise;
    }

    /** One of the enumeration's names, in any case. */
    public static <E extends Enum<E>> E choice(SheetRow row, String field, Class<E> type, List<RowProblem> problems) {
        String v = row.get(field);
        if (v.isEmpty()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        problems.add(RowProblem.of(row.row(), field, "problem.import.choice",
                String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return null;
    }
}
