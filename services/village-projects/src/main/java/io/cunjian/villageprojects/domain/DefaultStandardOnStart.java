package io.cunjian.villageprojects.domain;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Publishes the illustrative default standard at start-up when it is missing, through the service
 * (so with its event). {@code cunjian.standard.defaults.enabled=false} skips it.
 */
@ApplicationScoped
public class DefaultStandardOnStart {

    @Inject
    StandardService service;

    /** Read from {@code cunjian.standard.defaults.*}. */
    @ConfigMapping(prefix = "cunjian.standard.defaults")
    public interface Config {
        @WithDefault("true")
        boolean enabled();
    }

    @Inject
    Config config;

    void onStart(@Observes @Priority(20) StartupEvent start) {
        if (config.enabled()) {
            service.publishDefaultIfMissing();
        }
    }
}
