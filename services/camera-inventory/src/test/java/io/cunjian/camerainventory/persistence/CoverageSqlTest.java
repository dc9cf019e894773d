package io.cunjian.camerainventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.camerainventory.domain.CoverageRule;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.LiveStatusStore;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The coverage rule as production applies it — the SQL of the heartbeat, sweep and recomputation statements
 * on PostgreSQL — against its Java definition ({@link CoverageRule}), for every lifecycle × a last heartbeat
 * just before, exactly at and just after the start of the online window × reached by a heartbeat (from never
 * seen) or by the sweep (from online). Each case is a camera alone in its own zone; nothing is committed.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CoverageSqlTest {

    static final String VILLAGE = "479901001001";
    static final Duration[] EDGES = {Duration.ofMillis(-1), Duration.ZERO, Duration.ofMillis(1)};

    @Inject
    LiveStatusStore store;
    @Inject
    DataSource db;

    record Case(Lifecycle lifecycle, Duration fromWindowStart, String serial, long zoneId) {
    }

    @Test
    @TestTransaction
    void aHeartbeatMakesACameraOnlineAndItsZoneCoveredExactlyAsTheJavaRuleSays() throws SQLException {
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Case> cases = cases("HB");
        for (Case c : cases) {
            Instant at = windowStart.plus(c.fromWindowStart());
            List<LiveStatusStore.Status> statuses = store.heartbeat(List.of(c.serial()), at, windowStart);
            boolean online = CoverageRule.online(at, windowStart);
            assertThat(statuses).as(c.toString()).singleElement()
                    .satisfies(s -> assertThat(s.online()).as("online: " + c).isEqualTo(online));
            assertCoverage(c, CoverageRule.watches(c.lifecycle(), online));
        }
        assertWatchingCount(cases, windowStart);
    }

    @Test
    @TestTransaction
    void theSweepTakesOfflineExactlyTheCamerasTheJavaRuleNoLongerCountsOnline() throws SQLException {
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Case> cases = cases("SW");
        for (Case c : cases) {
            sql("UPDATE camera SET online = TRUE, last_seen = ? WHERE serial = ?", Timestamp.from(windowStart.plus(c.fromWindowStart())),
                    c.serial());
        }
        List<String> swept = store.sweep(windowStart, 100_000).stream().map(LiveStatusStore.Status::serial).toList();
        for (Case c : cases) {
            boolean online = CoverageRule.online(windowStart.plus(c.fromWindowStart()), windowStart);
            assertThat(swept.contains(c.serial())).as("swept: " + c).isEqualTo(!online);
            assertCoverage(c, CoverageRule.watches(c.lifecycle(), online));
        }
        assertWatchingCount(cases, windowStart);
    }

    /** The zone's recomputation flips it to covered exactly when the Java rule says its one camera watches it. */
    private void assertCoverage(Case c, boolean covered) {
        List<LiveStatusStore.ZoneFlip> flips = store.recompute(List.of(c.zoneId()));
        assertThat(flips.stream().filter(f -> f.zoneId() == c.zoneId()).map(LiveStatusStore.ZoneFlip::covered).toList())
                .as("zone covered: " + c).isEqualTo(covered ? List.of(true) : List.of());
    }

    private void assertWatchingCount(List<Case> cases, Instant windowStart) {
        long expected = cases.stream().filter(c -> CoverageRule.watches(c.lifecycle(),
                CoverageRule.online(windowStart.plus(c.fromWindowStart()), windowStart))).count();
        assertThat(store.watchingCameras(VILLAGE)).isEqualTo((int) expected);
        Map<String, Integer> byLifecycle = store.camerasByLifecycle(VILLAGE);
        assertThat(byLifecycle.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(cases.size());
    }

    /** One camera per lifecycle × window edge, each in its own zone of the test village, never seen. */
    private List<Case> cases(String kind) throws SQLException {
        String run = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Case> out = new ArrayList<>();
        sql("INSERT INTO village_coverage (village_code, zones, covered_zones) VALUES (?, ?, 0)", VILLAGE,
                Lifecycle.values().length * EDGES.length);
        for (Lifecycle lifecycle : Lifecycle.values()) {
            for (Duration edge : EDGES) {
                String serial = run + "-" + lifecycle + "-" + (edge.toMillis() + 1);
                long zone = zone(serial);
                sql("""
                        INSERT INTO camera (serial, model, vendor, village_code, zone_id, latitude, longitude, lifecycle, version)
                        VALUES (?, 'M', 'V', ?, ?, 43.5, 123.5, ?, 0)""", serial, VILLAGE, zone, lifecycle.name());
                out.add(new Case(lifecycle, edge, serial, zone));
            }
        }
        return out;
    }

    private long zone(String name) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO zone (village_code, name, kind, version) VALUES (?, ?, 'OTHER', 0) RETURNING id")) {
            st.setString(1, VILLAGE);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }
}
