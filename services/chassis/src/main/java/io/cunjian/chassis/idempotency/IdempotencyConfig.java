package io.cunjian.chassis.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cunjian.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its answer are kept; a repeat after that runs as a new request. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired records are deleted (a scheduler interval, e.g. {@code 1h}). */
    @WithDefault("1h")
    String cleanupEvery();
}
