package io.cunjian.chassis.ratelimit;

/**
 * The separate budgets a caller spends (ADR 0025). A REST operation spends {@link #READS} (GET, HEAD, OPTIONS)
 * or {@link #WRITES} (anything else) unless it names another with {@link RateLimited}; the chassis' own
 * sign-in routes, which need no token, spend {@link #SIGN_IN} per client address.
 */
public enum Budget {
    WRITES("writes"),
    READS("reads"),
    /** Camera heartbeats: devices send many, and must not eat a person's writes nor be starved by them. */
    HEARTBEATS("heartbeats"),
    /** CSV/XLSX exports: few, but each reads a whole region. */
    EXPORTS("exports"),
    SIGN_IN("sign-in");

    private final String policy;

    Budget(String policy) {
        this.policy = policy;
    }

    /** The policy's name in the {@code RateLimit-Policy} and {@code RateLimit} headers and in the 429 problem. */
    public String policy() {
        return policy;
    }
}
