package io.cunjian.chassis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The buckets of idle callers go, and no more than max-tracked are ever kept (ADR 0025, bounded memory). */
class RateLimiterMemoryTest {

    static RateLimiter limiter(long quota, Duration window, long maxTracked) {
        RateLimitConfig.Limit limit = new RateLimitConfig.Limit() {
            @Override
            public long quota() {
                return quota;
            }

            @Override
            public Duration window() {
                return window;
            }
        };
        RateLimiter limiter = new RateLimiter();
        limiter.config = new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Limit writes() {
                return limit;
            }

            @Override
            public Limit reads() {
                return limit;
            }

            @Override
            public Limit heartbeats() {
                return limit;
            }

            @Override
            public Limit exports() {
                return limit;
            }

            @Override
            public Limit signIn() {
                return limit;
            }

            @Override
            public Optional<List<String>> trustedProxies() {
                return Optional.empty();
            }

            @Override
            public long maxTracked() {
                return maxTracked;
            }
        };
        limiter.start();
        return limiter;
    }

    @Test
    void manyCallersNeverMakeMoreBucketsThanMaxTracked() {
        RateLimiter limiter = limiter(10, Duration.ofMinutes(1), 50);
        for (int caller = 0; caller < 5_000; caller++) {
            limiter.take(Budget.READS, "caller:" + caller);
        }
        assertThat(limiter.tracked()).isLessThanOrEqualTo(50);
    }

    @Test
    void anIdleCallersBucketGoesAfterItsWindowAndComesBackFull() throws InterruptedException {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(1), 1_000);
        limiter.take(Budget.WRITES, "caller:a");
        assertThat(limiter.take(Budget.WRITES, "caller:a").remaining()).isZero();
        assertThat(limiter.tracked()).isEqualTo(1);

        Thread.sleep(1_300);

        assertThat(limiter.tracked()).isZero();
        assertThat(limiter.take(Budget.WRITES, "caller:a").remaining()).isEqualTo(1);
    }
}
