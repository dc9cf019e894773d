package io.cunjian.villageprojects.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Defines the default catalogue's missing categories at start-up, through the service, so that
 * each has its {@code cunjian.category.defined.v1} event on village.events. Idempotent: a second
 * start (or a second instance) defines nothing. {@code cunjian.catalogue.defaults.enabled=false} skips it.
 */
@ApplicationScoped
public class DefaultCatalogueOnStart {

    @Inject
    CategoryService service;

    @ConfigProperty(name = "cunjian.catalogue.defaults.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            service.defineMissing(DefaultCatalogue.ENTRIES);
        }
    }
}
