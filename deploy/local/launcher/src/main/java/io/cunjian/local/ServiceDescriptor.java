package io.cunjian.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A service of {@code services/} as its own configuration describes it: the module folder, its
 * HTTP port ({@code quarkus.http.port}) and database ({@code cunjian.db.name}). The stack and the
 * docker-compose check read these instead of keeping a second list.
 */
public record ServiceDescriptor(String name, Path module, int port, String database) {

    public static List<ServiceDescriptor> discover(Path root) {
        List<ServiceDescriptor> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root.resolve("services"))) {
            for (Path module : modules.sorted().toList()) {
                Path props = module.resolve("src/main/resources/application.properties");
                if (!Files.exists(props)) {
                    continue;
                }
                Properties p = load(props);
                String port = p.getProperty("quarkus.http.port");
                String db = p.getProperty("cunjian.db.name");
                if (port != null && db != null) {
                    found.add(new ServiceDescriptor(module.getFileName().toString(), module, Integer.parseInt(port.strip()),
                            db.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public Path runnableJar() {
        return module.resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
