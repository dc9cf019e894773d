package io.cunjian.chassis.domain;

/** The thing the command names does not exist, or the caller may not know that it does. */
public final class NotFound extends Rejection {

    private static final String REQUESTED = "problem.not-found.detail";

    private final boolean requested;

    public NotFound(String reason, Object... args) {
        super(reason, args);
        this.requested = false;
    }

    private NotFound() {
        super(REQUESTED);
        this.requested = true;
    }

    /**
     * Whatever the request asked for is not there for this caller: the answer names the request's address,
     * as for an address nothing answers at, so it does not tell the caller that something exists there.
     */
    public static NotFound requested() {
        return new NotFound();
    }

    /** Whether the answer names the request's address rather than the thing. */
    public boolean namesTheRequest() {
        return requested;
    }
}
