package io.cunjian.chassis.spreadsheet;

import io.cunjian.chassis.problem.Messages;

/** One problem of an import: the row (header = 1), the column (a field name, empty for the whole row), what is wrong. */
public record RowProblem(int row, String column, String problem) {

    /** A problem from a message key of the service's or the chassis' bundle, in the default language. */
    public static RowProblem of(int row, String column, String key, Object... args) {
        return new RowProblem(row, column, Messages.text(Messages.defaultLocale(), key, args));
    }
}
