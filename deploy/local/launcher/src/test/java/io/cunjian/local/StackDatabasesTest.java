package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.cunjian.infrastructure.Postgres;

/**
 * A stack's databases go with its broker. Two checkouts whose stacks use the same database names
 * (the machine's PostgreSQL) must not mix: rows whose events went to the other broker would never
 * reach this one's consumers, and reporting would silently show nothing for them (CI once failed
 * its smoke exactly so). Databases and broker are only kept when they belong together.
 */
class StackDatabasesTest {

    static final Path ROOT = StackSettingsTest.ROOT;

    @TempDir
    static Path home;
    static EmbeddedPostgres pg;
    static Postgres.Server server;

    @BeforeAll
    static void startPostgres() {
        pg = Postgres.startEmbedded(home.resolve("pg"), 0);
        server = new Postgres.Server("127.0.0.1", pg.getPort(), Postgres.USER, true);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    static Stack checkout(String name) {
        StackSettings own = StackSettings.isolated(ROOT, home.resolve(name), "cunjian_world_");
        return new Stack(ROOT, new StackSettings(own.state(), own.kafkaPort(), own.kafkaControllerPort(),
                own.embeddedPgPort(), own.servicePorts(), own.databasePrefix(), false, false, Map.of()));
    }

    @Test
    void databasesAreKeptWithTheirBrokerAndStartedAfreshBesideAnother() throws Exception {
        Stack first = checkout("first");
        first.databases().prepare(server);
        String firstCluster = first.kafka().clusterId();
        writeRow("cunjian_world_reporting");

        first.databases().prepare(server); // a second start of the same checkout keeps everything
        assertThat(first.kafka().clusterId()).isEqualTo(firstCluster);
        assertThat(rowIsThere("cunjian_world_reporting")).isTrue();

        Stack second = checkout("second"); // another checkout, same database names, its own broker
        second.databases().prepare(server);
        assertThat(rowIsThere("cunjian_world_reporting")).isFalse();
        writeRow("cunjian_world_reporting");

        first.databases().prepare(server); // back to the first: its topics no longer go with these rows
        assertThat(rowIsThere("cunjian_world_reporting")).isFalse();
        assertThat(first.kafka().clusterId()).isNotEqualTo(firstCluster);
        for (String db : Postgres.comments(server, first.services().stream().map(ServiceDescriptor::database).toList()).values()) {
            assertThat(db).endsWith(first.kafka().clusterId());
        }
    }

    static void writeRow(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), Postgres.USER, "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS written (x int); INSERT INTO written VALUES (1)");
        }
    }

    static boolean rowIsThere(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), Postgres.USER, "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'written'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
