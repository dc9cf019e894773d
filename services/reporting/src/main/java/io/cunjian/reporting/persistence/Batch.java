package io.cunjian.reporting.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Set-based SQL for the projection: a statement takes whole columns as arrays
 * ({@code unnest(?::text[], …)}), so applying a batch of events costs a handful of round trips
 * instead of several per event. Runs on the transaction's own connection.
 */
final class Batch {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private Batch() {
    }

    static <T> T on(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Runs {@code sql} with the given column arrays (and scalars) as its parameters. */
    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        }
    }

    static void query(Connection c, String sql, Row row, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, parameters); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }

    /** Keys of two parts (e.g. township and due date) in their natural order. */
    static <N> java.util.SortedMap<List<String>, N> byKey() {
        return new java.util.TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    }

    /**
     * Adds each (first, second) → change to a counter table with {@code upsert} (three array
     * parameters), in key order so that two writers never deadlock; changes of zero are left out.
     */
    static void addTo(Connection c, String upsert, java.util.SortedMap<List<String>, ? extends Number> changes) throws SQLException {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        List<Object> change = new ArrayList<>();
        changes.forEach((key, n) -> {
            if (n.doubleValue() != 0) {
                first.add(key.get(0));
                second.add(key.get(1));
                change.add(n);
            }
        });
        if (!change.isEmpty()) {
            update(c, upsert, texts(c, first), texts(c, second), texts(c, change));
        }
    }

    /** A column of text (or of anything PostgreSQL casts from text: dates, times, numbers). */
    static Array texts(Connection c, Collection<?> values) throws SQLException {
        List<String> text = new ArrayList<>(values.size());
        for (Object v : values) {
            text.add(v == null ? null : v.toString());
        }
        return c.createArrayOf("text", text.toArray());
    }
}
