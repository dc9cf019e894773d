package io.cunjian.e2e.sweep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.cunjian.infrastructure.Postgres;

/**
 * What each table of a database holds and costs on disk, for the yearly sizes in
 * docs/operations/scale.md: rows, the average row as stored ({@code pg_column_size} of the whole
 * row, before page and index overhead) and, for tables with enough rows to fill pages, bytes on disk
 * per row with indexes and TOAST ({@code pg_total_relation_size / rows}).
 */
final class DatabaseSizes {

    record Table(String name, long rows, double rowBytes, long totalBytes) {

        /** Disk bytes per row, indexes included; only meaningful with many rows (pages are 8 kB). */
        double diskBytesPerRow() {
            return rows == 0 ? 0 : (double) totalBytes / rows;
        }

        @Override
        public String toString() {
            return String.format("%s: %d rows, row %.0f B, on disk %d B%s", name, rows, rowBytes, totalBytes,
                    rows >= 1000 ? String.format(" = %.0f B per row with indexes", diskBytesPerRow()) : "");
        }
    }

    private DatabaseSizes() {
    }

    static List<Table> of(Postgres.Server server, String database) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.user(), "");
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname NOT LIKE 'flyway%' ORDER BY 1""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(avg(pg_column_size(t.*)), 0), pg_total_relation_size('"
                        + name + "') FROM \"" + name + "\" t")) {
                    rs.next();
                    tables.add(new Table(name, rs.getLong(1), rs.getDouble(2), rs.getLong(3)));
                }
            }
        }
        return tables;
    }

    /** Prints every non-empty table of the database and its size in all. */
    static void print(Postgres.Server server, String service, String database) throws SQLException {
        List<Table> tables = of(server, database);
        long total = tables.stream().mapToLong(Table::totalBytes).sum();
        System.out.printf("SIZE %s (%s): %d B in tables and indexes%n", service, database, total);
        tables.stream().filter(t -> t.rows() > 0).forEach(t -> System.out.println("SIZE   " + t));
    }
}
