package io.cunjian.chassis.metrics;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets on {@code http_server_requests_seconds}: the latency SLO (99 % of API requests
 * within 1 s, docs/operations/metrics.md) is read from the {@code le="1.0"} bucket, which Micrometer
 * does not publish unless asked. A fixed, short list keeps the series per endpoint few.
 */
@Singleton
public class LatencyBuckets {

    static final Duration[] HTTP_SERVER = { Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5) };

    @Produces
    @Singleton
    MeterFilter httpServerRequests() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(HTTP_SERVER).mapToDouble(d -> d.toNanos()).toArray())
                        .build().merge(config);
            }
        };
    }
}
