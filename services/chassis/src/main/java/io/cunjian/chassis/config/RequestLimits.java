package io.cunjian.chassis.config;

import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How large a request body each route takes (ADR 0031). JSON is small everywhere; the few routes that take files
 * (photos, CSV imports) name a larger limit, so raising it for them does not raise it for every JSON route of the
 * service. {@code quarkus.http.limits.max-body-size} stays the server's ceiling, at least the largest route's.
 */
@ConfigMapping(prefix = "cunjian.http.limits")
public interface RequestLimits {

    /** The largest body of a route not named in {@link #routes()}. */
    @WithDefault("1M")
    MemorySize body();

    /**
     * Larger (or smaller) limits by path: {@code cunjian.http.limits.routes."/api/v1/work-orders/*}{@code /photos"=11M},
     * where {@code *} stands for one path segment.
     */
    Map<String, MemorySize> routes();
}
