package io.cunjian.chassis.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A service started with the committed development key, or with the development sign-in, outside development mode
 * stops before it serves anything, and its log says why ({@link DevelopmentKey}). One check for every service: the
 * chassis runs it first thing at start-up. Development mode is switched on by the local stack's launcher,
 * docker-compose, the Kubernetes dev overlay and {@code quarkus:dev}; production never sets it.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeyGuard.class);

    /** {@code cunjian.auth.*}; env {@code CUNJIAN_AUTH_DEVELOPMENT_MODE}. */
    @ConfigMapping(prefix = "cunjian.auth")
    public interface Settings {
        /** Trust the committed development key and allow the development sign-in: a developer's machine only. */
        @WithDefault("false")
        boolean developmentMode();

        /**
         * The keys SmallRye JWT verifies with, read through this mapping's defaults (see DevSignIn.Settings#issuer for
         * why not a mapping over {@code mp.jwt.verify}). Not meant to be set on their own.
         */
        @WithDefault("${mp.jwt.verify.publickey.location:}")
        Optional<String> verifyKeyLocation();

        @WithDefault("${mp.jwt.verify.publickey:}")
        Optional<String> verifyKey();

        /** SmallRye JWT's own name for the key location, which it reads instead of the MicroProfile one when set. */
        @WithDefault("${smallrye.jwt.verify.key.location:}")
        Optional<String> smallryeKeyLocation();

        @WithDefault("${cunjian.dev-sign-in.enabled:false}")
        boolean devSignIn();
    }

    @Inject
    Settings settings;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        Map<String, String> keys = new LinkedHashMap<>();
        settings.verifyKeyLocation().ifPresent(location -> read(location).ifPresent(text -> keys.put(location, text)));
        settings.smallryeKeyLocation().ifPresent(location -> read(location).ifPresent(text -> keys.put(location, text)));
        settings.verifyKey().ifPresent(text -> keys.put("mp.jwt.verify.publickey", text));
        Optional<String> refusal = DevelopmentKey.refusal(keys, settings.devSignIn(), settings.developmentMode());
        if (refusal.isPresent()) {
            LOG.error(refusal.get());
            throw new IllegalStateException(refusal.get());
        }
        if (settings.developmentMode()) {
            LOG.warn("Development mode (cunjian.auth.development-mode=true): the committed development key and the development"
                    + " sign-in are allowed. Never in production.");
        }
    }

    /**
     * The text at a key location as SmallRye JWT would find it: a file (a path or {@code file:}) or a class-path resource.
     * An {@code http(s)} location (an identity provider's JWKS) is not fetched at start-up; a location that cannot be
     * read is SmallRye JWT's to refuse, at the first token.
     */
    static Optional<String> read(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            return Optional.empty();
        }
        try {
            Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // not a readable file: perhaps a class-path resource
        }
        String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/", ""))) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
