package io.cunjian.chassis.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code cunjian.consumer.*}: how the consuming side retries and watches itself. */
@ConfigMapping(prefix = "cunjian.consumer")
public interface ConsumerSettings {

    /** How long an event that fails for a passing reason (the database away) is retried before it is dead-lettered. */
    @WithDefault("PT5M")
    Duration retryFor();

    /**
     * How often the lag of each consumer group is measured at the broker (a scheduler interval, read by
     * {@code ConsumerLag}'s schedule). Its default is in the chassis' microprofile-config.properties: the
     * scheduler's {@code ${...}} expression does not see a mapping's defaults.
     */
    String lagPollEvery();
}
