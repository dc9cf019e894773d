package io.cunjian.chassis.domain;

import java.util.List;

/**
 * An import's use case refused some of its rows, so it wrote none (ADR 0037): each failure is what the row's use case
 * threw, by the row's index in the list it was given. Thrown out of the import's transaction, which rolls it back.
 */
public final class RowsRefused extends RuntimeException {

    /** The row at {@code index} of the import's list failed with {@code failure}. */
    public record Failure(int index, RuntimeException failure) {
    }

    private final transient List<Failure> failures;

    public RowsRefused(List<Failure> failures) {
        super(failures.size() + " row(s) refused", null, false, false);
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }
}
