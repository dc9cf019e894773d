package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run on these machines, so it is checked against what the services
 * really read: every environment variable their configuration references is set (and nothing
 * else), every port matches {@code quarkus.http.port}, every database is created, and the topics
 * come from the same topics.conf as the local stack's.
 */
class DockerComposeTest {

    /** {@code ${NAME}} or {@code ${NAME:default}} where NAME is an environment variable (upper case). */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    static Path root;
    static Map<String, Object> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = Path.of(System.getProperty("cunjian.root", "../../.."));
        try (Reader r = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(r);
        }
    }

    @Test
    void everyServiceIsThereWithItsPortAndImage() {
        List<ServiceDescriptor> services = ServiceDescriptor.discover(root);
        assertThat(services).extracting(ServiceDescriptor::name)
                .containsExactlyInAnyOrder("village-projects", "work-orders", "camera-inventory", "reporting", "community");
        for (ServiceDescriptor s : services) {
            Map<String, Object> c = service(s.name());
            assertThat(c.get("ports")).as(s.name() + " ports").isEqualTo(List.of(s.port() + ":" + s.port()));
            Map<String, Object> build = map(c.get("build"));
            assertThat(map(build.get("args")).get("SERVICE")).as(s.name() + " build arg").isEqualTo(s.name());
            assertThat(root.resolve((String) build.get("dockerfile"))).exists();
        }
    }

    @Test
    void everyEnvironmentVariableAServiceReadsIsSetAndNoOther() throws IOException {
        for (ServiceDescriptor s : ServiceDescriptor.discover(root)) {
            Map<String, Boolean> read = environmentReferences(s);
            Map<String, Object> set = map(service(s.name()).get("environment"));
            Set<String> withoutDefault = new TreeSet<>();
            read.forEach((name, hasDefault) -> {
                if (!hasDefault) {
                    withoutDefault.add(name);
                }
            });
            assertThat(set.keySet()).as(s.name() + ": variables without a default must be set")
                    .containsAll(withoutDefault);
            // The defaults point at localhost, which is wrong inside a container: set them all.
            assertThat(new TreeSet<>(set.keySet())).as(s.name() + ": variables set vs. variables read")
                    .isEqualTo(new TreeSet<>(read.keySet()));
        }
    }

    @Test
    void everyServiceTrustsAKeyFileThatIsMounted() {
        for (ServiceDescriptor s : ServiceDescriptor.discover(root)) {
            Object location = map(service(s.name()).get("environment")).get("JWT_PUBLIC_KEY_LOCATION");
            @SuppressWarnings("unchecked")
            List<String> volumes = (List<String>) service(s.name()).get("volumes");
            assertThat(volumes).as(s.name() + " mounts its JWT public key at " + location)
                    .anySatisfy(v -> {
                        assertThat(v.split(":")[1]).isEqualTo(location);
                        assertThat(root.resolve(v.split(":")[0])).isRegularFile();
                    });
            // the committed development key: the services start with it only in development mode
            assertThat(map(service(s.name()).get("environment")).get("CUNJIAN_AUTH_DEVELOPMENT_MODE")).as(s.name())
                    .isEqualTo("true");
        }
    }

    @Test
    void postgresCreatesEveryServiceDatabase() throws IOException {
        String init = Files.readString(root.resolve("deploy/docker/init-databases.sql"));
        for (ServiceDescriptor s : ServiceDescriptor.discover(root)) {
            assertThat(init).contains("CREATE DATABASE " + s.database() + ";");
        }
        assertThat(String.valueOf(service("postgres").get("volumes"))).contains("./deploy/docker/init-databases.sql");
    }

    @Test
    void kafkaHasTheStackTopicsAndNoAutoCreation() {
        Map<String, Object> env = map(service("kafka").get("environment"));
        assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:4.1.");
        assertThat(String.valueOf(service("kafka-topics").get("volumes")))
                .contains("./deploy/local/topics.conf:/topics.conf");
        assertThat(service("kafka-topics").get("entrypoint").toString()).contains("/topics.conf");
    }

    /** Variables referenced by the service's configuration and the chassis defaults, and whether each has a default. */
    private static Map<String, Boolean> environmentReferences(ServiceDescriptor s) throws IOException {
        Map<String, Boolean> refs = new TreeMap<>();
        for (Path file : List.of(root.resolve("services/chassis/src/main/resources/META-INF/microprofile-config.properties"),
                s.module().resolve("src/main/resources/application.properties"))) {
            Matcher m = ENV_REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                refs.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
            }
        }
        assertThat(refs).as("a service must read its infrastructure from the environment").isNotEmpty();
        return refs;
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> c = map(map(compose.get("services")).get(name));
        assertThat(c).as("docker-compose service " + name).isNotNull();
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
