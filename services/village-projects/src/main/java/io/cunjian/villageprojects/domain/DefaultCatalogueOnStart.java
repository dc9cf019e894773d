package io.cunjian.villageprojects.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Defines the default catalogue's missing categories at start-up, through the service, so that
 * each has its {@code cunjian.category.defined.v1} event on village.events. Idempotent: a second
 * start (or a second instance) defines nothing. {@code cunjian.catalogue.defaults.enabled=false} skips it.
 */
@ApplicationScoped
public class DefaultCatalogueOnStart {

    @Inject
    CategoryService service;

    /** Read from {@code cunjian.catalogue.defaults.*}. */
    @ConfigMapping(prefix = "cunjian.catalogue.defaults")
    public interface Config {
        @WithDefault("true")
        boolean enabled();
    }

    @Inject
    Config config;

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            service.defineMissing(DefaultCatalogue.ENTRIES);
        }
    }
}
