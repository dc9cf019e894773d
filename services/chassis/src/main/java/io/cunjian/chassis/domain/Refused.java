package io.cunjian.chassis.domain;

/**
 * The caller may know the thing exists but may not do this to it (a device reporting for cameras outside its
 * regions). Refusals a policy decides alone are the caller's; this is for those the domain can only decide
 * after looking at what the command touches, and whose answer says what was refused.
 */
public final class Refused extends Rejection {
    public Refused(String reason, Object... args) {
        super(reason, args);
    }
}
