package io.cunjian.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.TokenMinter;

/**
 * The packaged services of a stack instance as processes: each runs detached from the command
 * that started it (so that {@code start} can return), found again through its pid file, with
 * its output in a log file of its own.
 */
final class ServiceProcesses {

    private final Stack stack;

    ServiceProcesses(Stack stack) {
        this.stack = stack;
    }

    /** Starts the packaged service as a detached process of its own; its pid goes to its pid file. */
    long launch(ServiceDescriptor s, Postgres.Server db) {
        if (!Files.exists(s.runnableJar())) {
            throw new IllegalStateException(s.runnableJar() + " is missing: run ./mvnw -DskipTests package");
        }
        Map<String, String> env = environment(db);
        // the instance's port and database; the same values as the service's own configuration on the standard stack
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        env.put("CUNJIAN_DB_NAME", s.database());
        long pid = Processes.startDetached(List.of(Processes.javaBin(), "-Xms64m", "-Xmx384m",
                "-jar", s.runnableJar().toString()), env, stack.root(), logFile(s));
        Processes.writePid(pidFile(s), pid);
        return pid;
    }

    /** True once the service answers ready; false (with the end of its log) if it died or the time ran out. */
    boolean awaitReady(ServiceDescriptor s, Duration timeout) {
        boolean ready = Processes.await(timeout, () -> HttpProbe.status(s.baseUrl() + "/q/health/ready") == 200
                || alive(s).isEmpty());
        if (!ready || alive(s).isEmpty()) {
            System.err.println(s.name() + " did not become ready; last lines of " + logFile(s) + ":\n"
                    + Processes.tail(logFile(s), 40));
            return false;
        }
        return true;
    }

    /** The environment variables a service reads (the same ones docker-compose sets). */
    private Map<String, String> environment(Postgres.Server db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_HOST", db.host());
        env.put("DB_PORT", Integer.toString(db.port()));
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", stack.keys().resolve(TokenMinter.PUBLIC_KEY_FILE).toString());
        env.put("JWT_ISSUER", TokenMinter.LOCAL_ISSUER);
        // Development mode: the only mode the development sign-in (and the committed development key) is allowed in.
        env.put("CUNJIAN_AUTH_DEVELOPMENT_MODE", "true");
        // The web pages' development-only sign-in (chassis DevSignIn): on only here, never in docker-compose
        // or production, signing the demo users' tokens with the stack's own key.
        env.put("CUNJIAN_DEV_SIGN_IN_ENABLED", "true");
        env.put("CUNJIAN_DEV_SIGN_IN_KEY_LOCATION", stack.keys().resolve(TokenMinter.PRIVATE_KEY_FILE).toString());
        env.putAll(stack.settings().environment());
        return env;
    }

    Optional<ProcessHandle> alive(ServiceDescriptor s) {
        return Processes.alive(pidFile(s));
    }

    /** SIGTERM, then SIGKILL after 20 s; true when it was running. */
    boolean stop(ServiceDescriptor s) {
        return Processes.stop(pidFile(s), Duration.ofSeconds(20));
    }

    Path logFile(ServiceDescriptor s) {
        return stack.state().resolve("logs/" + s.name() + ".log");
    }

    private Path pidFile(ServiceDescriptor s) {
        return stack.state().resolve("pids/" + s.name() + ".pid");
    }
}
