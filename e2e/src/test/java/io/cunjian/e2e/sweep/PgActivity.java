package io.cunjian.e2e.sweep;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.cunjian.infrastructure.Postgres;

/**
 * What PostgreSQL does for one database during a measuring window, sampled every
 * {@link #INTERVAL_MILLIS} ms from {@code pg_stat_activity}: the CPU its backends use (user + system
 * time of each backend's process, read from /proc — the server runs on this machine) and the time
 * they spend waiting, by wait event. Time waiting on a lock = samples of a backend in
 * {@code wait_event_type = 'Lock'} × the interval, summed over backends (so two backends waiting one
 * second each are 2 s); {@code Lock:advisory} is {@code pg_advisory_xact_lock}, {@code Lock:transactionid}
 * and {@code Lock:tuple} are row locks ({@code FOR UPDATE}, updates of the same row).
 */
final class PgActivity implements AutoCloseable {

    static final long INTERVAL_MILLIS = 100;

    /** A window's figures. */
    record Figures(double cpuSeconds, double lockWaitSeconds, Map<String, Double> waitsByEvent, double activeBackends) {

        /** The waits that took at least a tenth of a second, longest first. */
        String topWaits() {
            return waitsByEvent.entrySet().stream().filter(e -> e.getValue() >= 0.1)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                    .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        }
    }

    private final Connection connection;
    private final String database;
    private final Map<Integer, double[]> cpuPerBackend = new HashMap<>();
    private final Map<String, Long> waitSamples = new TreeMap<>();
    private long samples;
    private long activeSamples;
    private volatile boolean running = true;
    private final Thread sampler;

    /** Starts sampling the backends connected to {@code database} now. */
    PgActivity(Postgres.Server server, String database) throws SQLException {
        this.database = database;
        this.connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
        this.sampler = new Thread(this::run, "pg-activity-" + database);
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        try (PreparedStatement q = connection.prepareStatement("""
                SELECT pid, state, wait_event_type, wait_event FROM pg_stat_activity
                WHERE datname = ? AND backend_type = 'client backend' AND pid <> pg_backend_pid()""")) {
            q.setString(1, database);
            while (running) {
                long next = System.currentTimeMillis() + INTERVAL_MILLIS;
                sample(q);
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        } catch (SQLException | InterruptedException e) {
            if (running) {
                System.err.println("sampling pg_stat_activity of " + database + " stopped: " + e);
            }
        }
    }

    private void sample(PreparedStatement q) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            synchronized (this) {
                samples++;
                while (rs.next()) {
                    int pid = rs.getInt(1);
                    double cpu = CpuBudget.cpuSeconds(pid);
                    cpuPerBackend.computeIfAbsent(pid, p -> new double[] {cpu, cpu})[1] = cpu;
                    if ("active".equals(rs.getString(2))) {
                        activeSamples++;
                        String type = rs.getString(3);
                        if (type != null) {
                            waitSamples.merge(type + ":" + rs.getString(4), 1L, Long::sum);
                        }
                    }
                }
            }
        }
    }

    /** The figures since sampling started; sampling stops. */
    Figures stop() {
        running = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            double cpu = cpuPerBackend.values().stream().mapToDouble(c -> c[1] - c[0]).sum();
            Map<String, Double> waits = new TreeMap<>();
            waitSamples.forEach((k, n) -> waits.put(k, n * INTERVAL_MILLIS / 1000.0));
            double lock = waits.entrySet().stream().filter(e -> e.getKey().startsWith("Lock:")).mapToDouble(Map.Entry::getValue).sum();
            return new Figures(cpu, lock, waits, samples == 0 ? 0 : (double) activeSamples / samples);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to keep
        }
    }
}
