package io.cunjian.chassis.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request's draw on a budget, and the headers that tell the client where it stands. The fields follow
 * draft-ietf-httpapi-ratelimit-headers-10 (ADR 0025), sent on every answer, not only on the 429:
 * <pre>
 * RateLimit-Policy: "writes";q=60;w=60
 * RateLimit: "writes";r=0;t=12
 * Retry-After: 12                      (429 only)
 * </pre>
 * {@code q} requests per {@code w} seconds; {@code r} left in the current window, {@code t} seconds until the window
 * restarts with a full quota. On a 429 {@code t} equals {@code Retry-After}: the draft asks that {@code Retry-After}
 * not point earlier than {@code t}.
 */
public record Decision(Budget budget, long quota, long windowSeconds, boolean allowed, long remaining, long resetSeconds) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String RATE_LIMIT_HEADER = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    /** {@code "writes";q=60;w=60}: the policy's name is a String item, as the draft requires since revision 09. */
    public String policy() {
        return "\"" + budget.policy() + "\";q=" + quota + ";w=" + windowSeconds;
    }

    /** {@code "writes";r=0;t=12}. */
    public String rateLimit() {
        return "\"" + budget.policy() + "\";r=" + remaining + ";t=" + resetSeconds;
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(POLICY_HEADER, policy());
        headers.put(RATE_LIMIT_HEADER, rateLimit());
        if (!allowed) {
            headers.put(RETRY_AFTER, Long.toString(resetSeconds));
        }
        return headers;
    }
}
