package io.cunjian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;

import io.cunjian.infrastructure.KafkaBroker;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Processes;
import io.cunjian.infrastructure.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL and a real Kafka broker for {@code @QuarkusTest}s, the way Dev Services would
 * provide them, without containers:
 * <ul>
 * <li>PostgreSQL: the server at 127.0.0.1:5432 when it answers, else an embedded one for the run
 * ({@code CUNJIAN_PG=embedded} forces it). The module gets a database of its own,
 * {@code cunjian_<service>_test_<checkout>}, dropped and created afresh, so a running local stack is not touched
 * (the init argument {@code database} gives a test class another one, suffixed with its value).</li>
 * <li>Kafka: the broker at {@code CUNJIAN_TEST_KAFKA} (default 127.0.0.1:9092) when it answers,
 * else a broker started for the run on free ports and stopped after. Tests use their own copies of
 * the topics ({@code cunjian.kafka.topic-prefix}) and consumer groups, deleted afterwards.</li>
 * <li>Tokens: the app trusts the key pair {@link Tokens} makes for the run.</li>
 * </ul>
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static volatile Map<String, String> current = Map.of();
    private static volatile KafkaBroker currentOwnBroker;

    private EmbeddedPostgres embeddedPostgres;
    private KafkaBroker ownBroker;
    private Path brokerHome;
    private String bootstrapServers;
    private String topicPrefix;
    private boolean ownBrokerWanted;
    private String databaseSuffix = "";

    @Override
    public Map<String, String> start() {
        Postgres.Server db = startPostgres();
        String database = testDatabaseName() + databaseSuffix;
        Postgres.recreateDatabase(db, database);

        bootstrapServers = startKafka();
        topicPrefix = "test-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Topics.ensure(admin, topicPrefix);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the test topics on " + bootstrapServers, e);
        }
        current = Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(database),
                "quarkus.datasource.username", db.user(),
                "kafka.bootstrap.servers", bootstrapServers,
                "cunjian.kafka.topic-prefix", topicPrefix,
                "kafka.group.id", topicPrefix + moduleName(),
                "cunjian.outbox.validate-schemas", "true",
                // The app trusts this run's key pair, the one Tokens signs with.
                "mp.jwt.verify.publickey.location", Tokens.publicKeyLocation(),
                "mp.jwt.verify.issuer", Tokens.ISSUER);
        currentOwnBroker = ownBroker;
        return current;
    }

    @Override
    public void stop() {
        if (ownBroker != null) {
            ownBroker.stop();
            deleteRecursively(brokerHome);
        } else if (bootstrapServers != null) {
            try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
                Topics.delete(admin, topicPrefix);
            } catch (Exception e) {
                System.err.println("could not delete test topics " + topicPrefix + "*: " + e.getMessage());
            }
        }
        if (embeddedPostgres != null) {
            try {
                embeddedPostgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The configuration handed to the application under test (JDBC URL, bootstrap servers, topic prefix, …). */
    public static Map<String, String> config() {
        return current;
    }

    /**
     * The broker this run started, for tests that stop and start it. Present only when the
     * resource was asked for a broker of its own ({@code @ResourceArg(name = "kafka", value = "own")}).
     */
    public static KafkaBroker ownBroker() {
        if (currentOwnBroker == null) {
            throw new IllegalStateException("this test shares a broker; use @ResourceArg(name = \"kafka\", value = \"own\")");
        }
        return currentOwnBroker;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        ownBrokerWanted = "own".equals(initArgs.get("kafka"));
        // A test that needs an empty database of its own (e.g. loading seed data that other tests
        // would collide with) names one: @ResourceArg(name = "database", value = "seeds").
        String db = initArgs.getOrDefault("database", "");
        if (!db.matches("[a-z0-9_]{0,20}")) {
            throw new IllegalArgumentException("database suffix must be [a-z0-9_]{0,20}: " + db);
        }
        databaseSuffix = db.isEmpty() ? "" : "_" + db;
    }

    private Postgres.Server startPostgres() {
        if (!Postgres.embeddedForced() && Postgres.machineServerAnswers()) {
            return new Postgres.Server(Postgres.MACHINE_HOST, Postgres.MACHINE_PORT, Postgres.USER, false);
        }
        embeddedPostgres = Postgres.startEmbedded(null, 0);
        return new Postgres.Server("127.0.0.1", embeddedPostgres.getPort(), Postgres.USER, true);
    }

    private String startKafka() {
        String configured = System.getProperty("cunjian.test.kafka",
                System.getenv().getOrDefault("CUNJIAN_TEST_KAFKA", "127.0.0.1:9092"));
        if (!ownBrokerWanted && brokerAnswers(configured)) {
            return configured;
        }
        try {
            brokerHome = Files.createTempDirectory("cunjian-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ownBroker = new KafkaBroker(brokerHome, KafkaBroker.defaultLibDir(), Processes.freePort(), Processes.freePort());
        ownBroker.start(Duration.ofSeconds(90));
        // A broker started for the run must not outlive it, even when the JVM ends abruptly.
        KafkaBroker broker = ownBroker;
        Runtime.getRuntime().addShutdownHook(new Thread(broker::kill));
        return ownBroker.bootstrapServers();
    }

    private static boolean brokerAnswers(String bootstrap) {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        if (!Processes.portAnswers(hostPort[0], Integer.parseInt(hostPort[1]))) {
            return false;
        }
        try (Admin admin = KafkaBroker.admin(bootstrap)) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The module under test, from the working directory Maven runs its tests in. */
    static String moduleName() {
        return Path.of("").toAbsolutePath().getFileName().toString();
    }

    /**
     * {@code cunjian_<service>_test_<checkout>}: the suffix (a hash of the checkout's path) keeps two
     * checkouts of the project on one machine from dropping each other's test databases.
     */
    static String testDatabaseName() {
        String checkout = Path.of("").toAbsolutePath().getParent().getParent().toString();
        String suffix = Integer.toHexString(checkout.hashCode() & 0xffffff);
        return "cunjian_" + moduleName().toLowerCase(Locale.ROOT).replace('-', '_') + "_test_" + suffix;
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
