package io.cunjian.local;

import java.util.List;

/**
 * The end-to-end flows the smoke runs after the health checks. Each service issue adds its own
 * flow here (create through the public API, see the event arrive, read the result back).
 */
final class SmokeFlows {

    private final Smoke smoke;
    private final List<ServiceDescriptor> services;

    SmokeFlows(Smoke smoke, List<ServiceDescriptor> services) {
        this.smoke = smoke;
        this.services = services;
    }

    void run() {
        // No business flows yet: the service issues add theirs.
    }
}
