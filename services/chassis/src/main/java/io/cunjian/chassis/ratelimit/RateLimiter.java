package io.cunjian.chassis.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One Bucket4j bucket per budget and caller (a token's subject, or a client address), in this instance's memory
 * (ADR 0025: several instances each keep their own; the ingress limits the whole). Each bucket gets its whole quota
 * back at the end of each window ({@code refillIntervally}), so {@code RateLimit}'s {@code t} is an exact time and a
 * client that waits {@code Retry-After} gets a full window. A bucket not touched for one window is full again, so the
 * cache drops it then: memory grows with the callers active in the last window, never past
 * {@code cunjian.rate-limit.max-tracked}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Whose budget: {@code who} is {@code caller:<sub>} or {@code address:<ip>}, so the two never share a bucket. */
    record Key(Budget budget, String who) {
    }

    @Inject
    RateLimitConfig config;

    private Cache<Key, Bucket> buckets;

    @PostConstruct
    void start() {
        for (Budget budget : Budget.values()) {
            RateLimitConfig.Limit limit = config.limit(budget);
            if (limit.quota() < 1 || limit.window().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("cunjian.rate-limit." + budget.policy()
                        + ": the quota must be at least 1 and the window at least 1 s, not " + limit.quota() + " per " + limit.window());
            }
        }
        buckets = Caffeine.newBuilder().maximumSize(config.maxTracked()).expireAfter(new Expiry<Key, Bucket>() {
            @Override
            public long expireAfterCreate(Key key, Bucket bucket, long now) {
                return window(key.budget()).toNanos();
            }

            @Override
            public long expireAfterUpdate(Key key, Bucket bucket, long now, long remaining) {
                return window(key.budget()).toNanos();
            }

            @Override
            public long expireAfterRead(Key key, Bucket bucket, long now, long remaining) {
                return window(key.budget()).toNanos();
            }
        }).build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes one request from the caller's bucket of that budget. */
    public Decision take(Budget budget, String who) {
        RateLimitConfig.Limit limit = config.limit(budget);
        Bucket bucket = buckets.get(new Key(budget, who), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.quota()).refillIntervally(limit.quota(), limit.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long windowSeconds = seconds(limit.window().toNanos());
        if (probe.isConsumed()) {
            return new Decision(budget, limit.quota(), windowSeconds, true, probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()));
        }
        // Never "retry in 0 s": a client told so would come straight back.
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Decision(budget, limit.quota(), windowSeconds, false, 0, retryAfter);
    }

    /** How many buckets this instance holds now (tests, and a check that idle callers do not pile up). */
    long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Duration window(Budget budget) {
        return config.limit(budget).window();
    }

    /** Whole seconds, rounded up: a client waiting that long is never early. */
    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos + NANOS_PER_SECOND - 1);
    }
}
