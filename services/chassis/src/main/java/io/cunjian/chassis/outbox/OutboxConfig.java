package io.cunjian.chassis.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "cunjian.outbox")
public interface OutboxConfig {

    /** false pauses the relay (rows wait in the table); for tests and maintenance. */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /** Key buckets: the rows of one bucket are published by one relay at a time, in commit order. */
    @WithDefault("16")
    int buckets();

    @WithName("batch-size")
    @WithDefault("500")
    int batchSize();

    /** How often an idle relay looks for rows committed by another instance of the service. */
    @WithName("poll-interval")
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /** Longest wait between attempts while the broker is unreachable. */
    @WithName("max-backoff")
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** Sent rows are kept this long for inspection, then deleted. */
    @WithName("keep-sent")
    @WithDefault("P7D")
    Duration keepSent();

    /** Validate every outgoing event against its schema in api-specs/events (on in tests). */
    @WithName("validate-schemas")
    @WithDefault("false")
    boolean validateSchemas();
}
