package io.cunjian.chassis.domain;

/** A change was made against a version that is no longer current: someone else changed the thing first. */
public final class VersionMismatch extends Rejection {

    private final String sent;
    private final long current;

    public VersionMismatch(String sent, long current) {
        super("problem.precondition-failed.detail");
        this.sent = sent;
        this.current = current;
    }

    /** What the caller said it had, as it said it. */
    public String sent() {
        return sent;
    }

    public long current() {
        return current;
    }
}
