package io.cunjian.camerainventory.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Live status settings ({@code cunjian.cameras.*}). */
@ConfigMapping(prefix = "cunjian.cameras")
public interface CamerasConfig {

    /** A camera is online while its last heartbeat is younger than this. */
    @WithName("online-window")
    @WithDefault("PT2M")
    Duration onlineWindow();

    /** How often the timer looks for cameras whose window has passed (the most a flip to offline lags). */
    @WithName("sweep-every")
    @WithDefault("5s")
    String sweepEvery();

    /** Cameras taken offline per sweep transaction (a sweep runs transactions until none is left). */
    @WithName("sweep-batch")
    @WithDefault("2000")
    int sweepBatch();

    /** Most heartbeats in one request. */
    @WithName("max-batch")
    @WithDefault("5000")
    int maxBatch();

    /** How far in the future a heartbeat's time may lie (device clocks drift). */
    @WithName("max-clock-skew")
    @WithDefault("PT1M")
    Duration maxClockSkew();
}
