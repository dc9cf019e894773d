package io.cunjian.chassis.domain;

/**
 * A command the domain refuses: the aggregate or use case says why, in words a district official would
 * use, and the API layer turns it into a problem+json answer (the chassis maps each kind to its status).
 * The domain never speaks HTTP; it names the reason and the facts the caller needs.
 * <p>
 * {@code reason} is a message key of the service's {@code problems} bundle (or a literal text); {@code args}
 * fill its placeholders.
 */
public abstract sealed class Rejection extends RuntimeException
        permits NotFound, StateConflict, InvalidInput, VersionRequired, VersionMismatch, NotYetKnown {

    private final String reason;
    private final transient Object[] args;

    protected Rejection(String reason, Object... args) {
        // An expected answer, not a fault: no stack trace.
        super(reason, null, false, false);
        this.reason = reason;
        this.args = args.clone();
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }
}
