package io.cunjian.chassis.domain;

/** The command does not fit the current state of the thing (an order already verified, a published standard). */
public final class StateConflict extends Rejection {

    private final transient Object currentState;

    public StateConflict(Object currentState, String reason, Object... args) {
        super(reason, args);
        this.currentState = currentState;
    }

    /** The state the caller should know about, or null. */
    public Object currentState() {
        return currentState;
    }
}
