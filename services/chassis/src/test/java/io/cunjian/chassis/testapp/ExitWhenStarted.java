package io.cunjian.chassis.testapp;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * Test-only: with {@code cunjian.testapp.exit-when-started=true} the app exits with status 0 once it has started, so a
 * {@code @QuarkusMainTest} expecting a refused start fails on a start that was not refused instead of waiting forever.
 */
@ApplicationScoped
public class ExitWhenStarted {

    void started(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent start) {
        if (ConfigProvider.getConfig().getOptionalValue("cunjian.testapp.exit-when-started", Boolean.class).orElse(false)) {
            Quarkus.asyncExit(0);
        }
    }
}
