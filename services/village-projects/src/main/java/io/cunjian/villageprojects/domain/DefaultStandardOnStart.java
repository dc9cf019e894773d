package io.cunjian.villageprojects.domain;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the illustrative default standard at start-up when it is missing, through the service
 * (so with its event). {@code cunjian.standard.defaults.enabled=false} skips it.
 */
@ApplicationScoped
public class DefaultStandardOnStart {

    @Inject
    StandardService service;

    @ConfigProperty(name = "cunjian.standard.defaults.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes @Priority(20) StartupEvent start) {
        if (enabled) {
            service.publishDefaultIfMissing();
        }
    }
}
