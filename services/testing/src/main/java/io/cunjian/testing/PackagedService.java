package io.cunjian.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cunjian.infrastructure.Processes;

/**
 * A service's packaged jar ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process,
 * as in production: for tests that kill it ({@code kill -9}), restart it, or run two instances.
 */
public final class PackagedService implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> config;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * @param module the service's module folder
     * @param config system properties for the service (e.g. from {@link RealInfrastructure#config()})
     */
    public PackagedService(Path module, Map<String, String> config, String name) {
        this.jar = module.resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        this.config = new LinkedHashMap<>(config);
        this.log = module.resolve("target/" + name + ".log").toAbsolutePath();
        this.port = Processes.freePort();
    }

    public PackagedService with(String key, String value) {
        config.put(key, value);
        return this;
    }

    public PackagedService start() {
        List<String> command = new ArrayList<>(List.of(Processes.javaBin(), "-Xmx256m", "-Dquarkus.http.port=" + port));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newHttpClient();
        boolean ready = Processes.await(Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        if (!ready || !process.isAlive()) {
            close(); // a service that did not come up must not outlive the test
            throw new IllegalStateException(jar + " did not become ready; see " + log + ":\n" + Processes.tail(log, 30));
        }
        return this;
    }

    /** {@code kill -9}: no shutdown hook, no flush, as a power cut would. */
    public void kill() {
        process.destroyForcibly();
        Processes.await(Duration.ofSeconds(10), () -> !process.isAlive());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Processes.stop(process.toHandle(), Duration.ofSeconds(10));
        }
    }
}
