package io.cunjian.chassis.problem;

import java.time.Duration;

/**
 * 503 with {@code Retry-After}: the request may well succeed a little later, e.g. a replica has not yet
 * seen the village the request names. Clients retry instead of treating it as bad input.
 */
public class RetryableProblem extends ProblemException {
    public RetryableProblem(Duration retryAfter, String detail, Object... args) {
        super(ProblemType.RETRYABLE, detail, args);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        header("Retry-After", Long.toString(seconds));
        with("retryAfterSeconds", seconds);
    }
}
