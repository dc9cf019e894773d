package io.cunjian.chassis.domain;

/** The thing the command names does not exist, or the caller may not know that it does. */
public final class NotFound extends Rejection {
    public NotFound(String reason, Object... args) {
        super(reason, args);
    }
}
