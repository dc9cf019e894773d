package io.cunjian.chassis.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a REST operation (or every operation of a resource class) on a budget other than the one its HTTP method
 * implies ({@link Budget#READS} or {@link Budget#WRITES}):
 * <pre>
 * &#64;POST &#64;RateLimited(Budget.HEARTBEATS)
 * public HeartbeatResult postHeartbeats(...)
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RateLimited {
    Budget value();
}
