package io.cunjian.chassis.security;

/** What a {@link Policy} says about a caller and a target. */
public enum Decision {
    ALLOW,
    /** 403: the caller may know the target exists but may not do this. */
    FORBIDDEN,
    /** 404: the caller may not even learn that the target exists (another contractor's order). */
    NOT_FOUND
}
