package io.cunjian.camerainventory.api;

/** One problem of a CSV import: the file's line (header = 1), the column, what is wrong. */
public record RowProblem(int row, String column, String problem) {
}
