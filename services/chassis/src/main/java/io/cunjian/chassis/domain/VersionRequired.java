package io.cunjian.chassis.domain;

/** A change came without the version it was made against, so it could overwrite someone else's change. */
public final class VersionRequired extends Rejection {
    public VersionRequired() {
        super("problem.precondition-required.detail");
    }
}
