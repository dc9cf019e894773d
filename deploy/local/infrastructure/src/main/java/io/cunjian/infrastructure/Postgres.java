package io.cunjian.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL for the stack and the tests: the machine's server when one answers, otherwise an
 * embedded one (zonky, real PostgreSQL binaries). {@code CUNJIAN_PG=embedded} (or the system
 * property {@code cunjian.pg=embedded}) forces the embedded server.
 */
public final class Postgres {

    public static final String MACHINE_HOST = "127.0.0.1";
    public static final int MACHINE_PORT = 5432;
    public static final String USER = "postgres";

    /** Where a server answers: host, port, superuser; {@code embedded} says which kind it is. */
    public record Server(String host, int port, String user, boolean embedded) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private Postgres() {
    }

    public static boolean embeddedForced() {
        String setting = System.getProperty("cunjian.pg", System.getenv().getOrDefault("CUNJIAN_PG", ""));
        return "embedded".equals(setting.toLowerCase(Locale.ROOT));
    }

    public static boolean machineServerAnswers() {
        if (!Processes.portAnswers(MACHINE_HOST, MACHINE_PORT)) {
            return false;
        }
        try (Connection c = DriverManager.getConnection(new Server(MACHINE_HOST, MACHINE_PORT, USER, false)
                .jdbcUrl("postgres"), USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Starts an embedded server on {@code port} (0 for any) with its data in {@code dataDir}. */
    public static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Creates each database that does not exist yet. */
    public static void ensureDatabases(Server server, Collection<String> names) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            for (String name : names) {
                requireIdentifier(name);
                try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names + " on " + server, e);
        }
    }

    /** Drops and creates a database, so a test run starts from nothing. */
    public static void recreateDatabase(Server server, String name) {
        requireIdentifier(name);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + name + " on " + server, e);
        }
    }

    /** Each existing database of {@code names} with its comment ("" when it has none); missing ones are left out. */
    public static Map<String, String> comments(Server server, Collection<String> names) {
        Map<String, String> comments = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             var st = c.prepareStatement("SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '')"
                     + " FROM pg_database WHERE datname = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", names.toArray()));
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    comments.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read databases " + names + " on " + server, e);
        }
        return comments;
    }

    public static void comment(Server server, String name, String comment) {
        requireIdentifier(name);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            st.execute("COMMENT ON DATABASE " + name + " IS '" + comment.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not comment on database " + name + " on " + server, e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }
}
