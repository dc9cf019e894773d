package io.cunjian.chassis.domain;

/**
 * The version of a thing a change was made against (optimistic concurrency). The API layer reads it from
 * the request ({@code If-Match}, see {@code io.cunjian.chassis.concurrency.ETags#expected}); the use case
 * checks it against the stored version before it changes anything.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion NONE = new ExpectedVersion(null, false, new long[0]);
    private static final ExpectedVersion ANY = new ExpectedVersion("*", true, new long[0]);

    private final String sent;
    private final boolean any;
    private final long[] versions;

    private ExpectedVersion(String sent, boolean any, long[] versions) {
        this.sent = sent;
        this.any = any;
        this.versions = versions;
    }

    /** The caller named no version. */
    public static ExpectedVersion none() {
        return NONE;
    }

    /** The caller accepts whatever version is current. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /**
     * The caller made the change against one of {@code versions}; {@code sent} is what it sent, kept to be
     * repeated in the answer when none of them is current.
     */
    public static ExpectedVersion oneOf(String sent, long... versions) {
        return new ExpectedVersion(sent, false, versions.clone());
    }

    public static ExpectedVersion of(long version) {
        return oneOf("\"" + version + "\"", version);
    }

    public boolean isNone() {
        return sent == null;
    }

    /** Refuses the change unless it was made against {@code current}. */
    public void check(long current) {
        if (isNone()) {
            throw new VersionRequired();
        }
        if (any) {
            return;
        }
        for (long v : versions) {
            if (v == current) {
                return;
            }
        }
        throw new VersionMismatch(sent, current);
    }
}
