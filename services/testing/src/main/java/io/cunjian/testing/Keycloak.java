package io.cunjian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.cunjian.infrastructure.Processes;

/**
 * {@link RealInfrastructure} whose tokens come from a real OIDC provider, for the pages' sign-in: Keycloak from Maven Central (unpacked into
 * {@code services/testing/target/keycloak} by the build), in development mode with an in-memory
 * database, the realm of {@code deploy/oidc/cunjian-realm.json} imported (client {@code cunjian-web},
 * public, PKCE S256 required; user {@value #USER} / {@value #PASSWORD}, viewer of 220382). The
 * service under test trusts it exactly as production would trust any provider: the realm's JWKS and
 * issuer, and the issuer handed to the pages. Keycloak 26 needs Java 21 or later: the running JVM
 * when it is one, else the newest JDK under /usr/lib/jvm.
 */
public class Keycloak extends RealInfrastructure {

    public static final String REALM = "cunjian";
    public static final String USER = "ling.viewer";
    public static final String PASSWORD = "viewer-password";

    private Process process;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        Path root = Browser.root();
        Path dist = distribution(root);
        int port = Processes.freePort();
        Path log = root.resolve("services/testing/target/keycloak-" + port + ".log");
        try {
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            Files.copy(root.resolve("deploy/oidc/cunjian-realm.json"), imports.resolve("cunjian-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder pb = new ProcessBuilder("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--db=dev-mem", "--import-realm")
                    .directory(dist.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", java21().toString());
            pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String issuer = "http://127.0.0.1:" + port + "/realms/" + REALM;
        HttpClient http = HttpClient.newHttpClient();
        boolean up = Processes.await(Duration.ofSeconds(240), () -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
        if (!up || !process.isAlive()) {
            stop();
            throw new IllegalStateException("Keycloak did not start within 240 s:\n" + Processes.tail(log, 40));
        }
        config.put("mp.jwt.verify.publickey.location", issuer + "/protocol/openid-connect/certs");
        config.put("mp.jwt.verify.issuer", issuer);
        config.put("cunjian.web.oidc.issuer", issuer);
        return config;
    }

    @Override
    public void stop() {
        if (process != null) {
            List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
            all.forEach(h -> Processes.stop(h, Duration.ofSeconds(20)));
            process = null;
        }
        super.stop();
    }

    static Path distribution(Path root) {
        Path unpacked = root.resolve("services/testing/target/keycloak");
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-") && Files.exists(d.resolve("bin/kc.sh")))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "Keycloak is not unpacked in " + unpacked + ": build services/testing first (./mvnw -pl services/testing process-resources)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JDK of version 21 or later: this JVM's, else the newest under /usr/lib/jvm. */
    static Path java21() {
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> jdks = Files.isDirectory(Path.of("/usr/lib/jvm")) ? Files.list(Path.of("/usr/lib/jvm")) : Stream.empty()) {
            Optional<Path> newest = jdks.filter(j -> Files.isExecutable(j.resolve("bin/java")))
                    .filter(j -> feature(j) >= 21)
                    .max((a, b) -> Integer.compare(feature(a), feature(b)));
            return newest.orElseThrow(() -> new IllegalStateException(
                    "Keycloak needs Java 21 or later; this JVM is " + Runtime.version() + " and /usr/lib/jvm has none"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
