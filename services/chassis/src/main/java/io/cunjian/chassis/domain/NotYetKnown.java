package io.cunjian.chassis.domain;

import java.time.Duration;

/**
 * The command names something this service has not heard of yet but very likely will (its copy of another
 * service's data is behind): the same command a little later should succeed, so the caller is told to retry.
 */
public final class NotYetKnown extends Rejection {

    private final Duration retryAfter;

    public NotYetKnown(Duration retryAfter, String reason, Object... args) {
        super(reason, args);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
