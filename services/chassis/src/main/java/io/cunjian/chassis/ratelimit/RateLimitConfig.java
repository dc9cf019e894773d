package io.cunjian.chassis.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code cunjian.rate-limit.*} (ADR 0025). The budgets' defaults are in the chassis'
 * {@code microprofile-config.properties}: generous, a ceiling against runaway clients that no test, benchmark or
 * the end-to-end suite reaches; a deployment tightens them, e.g. {@code CUNJIAN_RATE_LIMIT_WRITES_QUOTA=120}.
 */
@ConfigMapping(prefix = "cunjian.rate-limit")
public interface RateLimitConfig {

    /** Off: no limit and no RateLimit headers (the OpenAPI documents still declare the 429). */
    @WithDefault("true")
    boolean enabled();

    Limit writes();

    Limit reads();

    Limit heartbeats();

    Limit exports();

    Limit signIn();

    /**
     * Addresses (or CIDR ranges such as {@code 10.0.0.0/8}) of the proxies whose {@code X-Forwarded-For} is believed
     * when a limit is per client address. None by default: the peer's own address counts, whatever the header says.
     */
    Optional<List<String>> trustedProxies();

    /**
     * How many buckets (caller × budget) one instance keeps at most. An idle caller's bucket is dropped once its window
     * has passed (it would be full again anyway); past this many, the least recently used go first.
     */
    @WithDefault("100000")
    long maxTracked();

    /** {@code quota} requests per {@code window}; the window is sent in whole seconds ({@code w}). */
    interface Limit {
        long quota();

        Duration window();
    }

    default Limit limit(Budget budget) {
        return switch (budget) {
            case WRITES -> writes();
            case READS -> reads();
            case HEARTBEATS -> heartbeats();
            case EXPORTS -> exports();
            case SIGN_IN -> signIn();
        };
    }
}
