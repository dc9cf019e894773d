package io.cunjian.camerainventory.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * What an operator watching "全覆盖、无死角" wants on a dashboard: heartbeats accepted, cameras watching
 * their zones, and how many villages have cameras in service of which none answers — a count, never a
 * label per village (docs/operations/metrics.md). The two counts are measured by one query every
 * {@code cunjian.cameras.metrics-every} (15 s) rather than at each scrape, so several Prometheus
 * servers cannot multiply the load; the gauges read the last measurement (NaN until the first, or
 * when the database did not answer).
 */
@ApplicationScoped
public class CameraMetrics {

    private static final Logger LOG = Logger.getLogger(CameraMetrics.class);

    // Per village: has it a camera in a counting lifecycle, and does any of them watch? Silent = yes, no.
    private static final String MEASURE = "SELECT count(*) FILTER (WHERE watching > 0), "
            + " (SELECT count(*) FROM (SELECT village_code FROM camera c GROUP BY village_code"
            + "   HAVING bool_or(" + CoverageSql.counts("c") + ") AND NOT bool_or(" + CoverageSql.watches("c") + ")) silent)"
            + " FROM (SELECT CASE WHEN " + CoverageSql.watches("c") + " THEN 1 ELSE 0 END AS watching FROM camera c) w";

    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    private volatile double watching = Double.NaN;
    private volatile double silentVillages = Double.NaN;
    private Counter heartbeats;

    void register(@Observes StartupEvent startup) {
        heartbeats = Counter.builder("cunjian.heartbeats.accepted")
                .description("camera heartbeats recorded (one per camera and batch)").register(registry);
        Gauge.builder("cunjian.cameras.watching", this, m -> m.watching)
                .description("cameras in service and online: watching their zones").register(registry);
        Gauge.builder("cunjian.villages.silent", this, m -> m.silentVillages)
                .description("villages with cameras in service of which none is online").register(registry);
    }

    /** Counts the heartbeats of one recorded batch. */
    void accepted(int cameras) {
        if (heartbeats != null) {
            heartbeats.increment(cameras);
        }
    }

    @Scheduled(identity = "cunjian-camera-metrics", every = "${cunjian.cameras.metrics-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(MEASURE)) {
            rs.next();
            watching = rs.getLong(1);
            silentVillages = rs.getLong(2);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("camera metrics not measured: %s", e.toString());
            watching = Double.NaN;
            silentVillages = Double.NaN;
        }
    }
}
