package io.cunjian.camerainventory.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.LiveStatusStore;

/**
 * Live status and coverage in set-based SQL, on the transaction's own connection: one statement
 * per heartbeat batch, one per sweep, and a recomputation of exactly the zones whose cameras
 * changed. Every flip is made by a conditional update that returns only the rows that really
 * changed, after the rows are locked in a global order (cameras by serial, then zones by id, then
 * villages by code), so concurrent batches, sweeps and lifecycle changes neither miss nor repeat a
 * flip, and cannot deadlock one another. Whether a camera is online and whether a zone is covered
 * is decided by {@link CoverageSql}: the coverage rule, rendered from the domain's definition.
 */
@ApplicationScoped
public class SqlLiveStatusStore implements LiveStatusStore {

    private static final String HEARTBEAT = "UPDATE camera c SET last_seen = GREATEST(c.last_seen, ?), online = "
            + CoverageSql.online("GREATEST(c.last_seen, ?)", "?")
            + " FROM (SELECT serial, online FROM camera WHERE serial = ANY(?) ORDER BY serial FOR NO KEY UPDATE) old"
            + " WHERE c.serial = old.serial"
            + " RETURNING c.serial, c.village_code, c.zone_id, c.lifecycle, old.online, c.online, c.last_seen";

    // Cameras locked by a running heartbeat batch are skipped: that batch decides them, the next sweep sees them.
    private static final String SWEEP = "UPDATE camera c SET online = FALSE"
            + " FROM (SELECT serial FROM camera WHERE online AND " + CoverageSql.noLongerOnline("last_seen", "?")
            + " ORDER BY serial LIMIT ? FOR NO KEY UPDATE SKIP LOCKED) s"
            + " WHERE c.serial = s.serial AND c.online AND " + CoverageSql.noLongerOnline("c.last_seen", "?")
            + " RETURNING c.serial, c.village_code, c.zone_id, c.lifecycle, c.last_seen";

    private static final String RECOMPUTE = "UPDATE zone z SET covered = x.now_covered, covered_changed_at = clock_timestamp()"
            + " FROM (SELECT z2.id, " + CoverageSql.covered("z2.id") + " AS now_covered FROM zone z2 WHERE z2.id = ANY(?)) x"
            + " WHERE z.id = x.id AND z.covered <> x.now_covered"
            + " RETURNING z.id, z.village_code, z.name, z.covered";

    @Inject
    DataSource dataSource;
    @Inject
    CameraMetrics metrics;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Status> heartbeat(Collection<String> serials, Instant at, Instant windowStart) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(HEARTBEAT)) {
            Timestamp t = Timestamp.from(at);
            st.setTimestamp(1, t);
            st.setTimestamp(2, t);
            st.setTimestamp(3, Timestamp.from(windowStart));
            Array array = c.createArrayOf("varchar", serials.toArray());
            st.setArray(4, array);
            List<Status> out = new ArrayList<>(serials.size());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Status(rs.getString(1), rs.getString(2), rs.getLong(3), Lifecycle.valueOf(rs.getString(4)),
                            rs.getBoolean(5), rs.getBoolean(6), utc(rs.getTimestamp(7))));
                }
            }
            metrics.accepted(out.size());
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("heartbeat update failed", e);
        }
    }

    /**
     * Lets the current transaction commit without waiting for the WAL flush. Only for a heartbeat batch
     * that flipped nothing (it wrote last-heartbeat times and no event): a database crash may then lose
     * those times, which the next heartbeat writes again, but never an event whose state change is lost
     * after the relay published it. Batches that flip a camera commit durably.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void commitWithoutWaitingForTheDisk() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SET LOCAL synchronous_commit = off")) {
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Status> sweep(Instant windowStart, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SWEEP)) {
            Timestamp t = Timestamp.from(windowStart);
            st.setTimestamp(1, t);
            st.setInt(2, limit);
            st.setTimestamp(3, t);
            List<Status> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Status(rs.getString(1), rs.getString(2), rs.getLong(3), Lifecycle.valueOf(rs.getString(4)),
                            true, false, utc(rs.getTimestamp(5))));
                }
            }
            out.sort(Comparator.comparing(Status::serial));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("offline sweep failed", e);
        }
    }

    /**
     * Recomputes the coverage of these zones from their cameras as committed now and returns the zones
     * that flipped, in zone order per village, each with its village's counts after it. The zones are
     * locked first and read in a later statement, so a concurrent change of the same zones, which must
     * wait for these locks, is seen by whichever of the two recomputes last.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ZoneFlip> recompute(Collection<Long> zoneIds) {
        if (zoneIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("bigint", zoneIds.stream().distinct().sorted().toArray());
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM zone WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE")) {
                lock.setArray(1, ids);
                lock.executeQuery().close();
            }
            Map<String, List<ZoneFlip>> flips = new TreeMap<>();
            try (PreparedStatement update = c.prepareStatement(RECOMPUTE)) {
                update.setArray(1, ids);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        flips.computeIfAbsent(rs.getString(2), v -> new ArrayList<>())
                                .add(new ZoneFlip(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), 0, 0));
                    }
                }
            }
            return withVillageCounts(c, flips);
        } catch (SQLException e) {
            throw new IllegalStateException("coverage recomputation failed", e);
        }
    }

    /** Moves each village's covered count by its flips, in village order; each flip gets the counts just after it. */
    private static List<ZoneFlip> withVillageCounts(Connection c, Map<String, List<ZoneFlip>> flips) throws SQLException {
        List<ZoneFlip> out = new ArrayList<>();
        try (PreparedStatement counts = c.prepareStatement("""
                UPDATE village_coverage SET covered_zones = covered_zones + ? WHERE village_code = ?
                RETURNING zones, covered_zones""")) {
            for (Map.Entry<String, List<ZoneFlip>> village : flips.entrySet()) {
                List<ZoneFlip> list = village.getValue();
                list.sort(Comparator.comparingLong(ZoneFlip::zoneId));
                int delta = list.stream().mapToInt(f -> f.covered() ? 1 : -1).sum();
                counts.setInt(1, delta);
                counts.setString(2, village.getKey());
                int zones;
                int covered;
                try (ResultSet rs = counts.executeQuery()) {
                    rs.next();
                    zones = rs.getInt(1);
                    covered = rs.getInt(2);
                }
                // the counts after each flip: the final count minus the flips still to come
                int running = covered - delta;
                for (ZoneFlip f : list) {
                    running += f.covered() ? 1 : -1;
                    out.add(new ZoneFlip(f.zoneId(), f.villageCode(), f.zoneName(), f.covered(), zones, running));
                }
            }
        }
        return out;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts addZone(String villageCode) {
        return counts("""
                INSERT INTO village_coverage (village_code, zones, covered_zones) VALUES (?, 1, 0)
                ON CONFLICT (village_code) DO UPDATE SET zones = village_coverage.zones + 1
                RETURNING zones, covered_zones""", villageCode);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts lockCounts(String villageCode) {
        return counts("SELECT zones, covered_zones FROM village_coverage WHERE village_code = ? FOR NO KEY UPDATE", villageCode);
    }

    @Override
    @Transactional
    public Map<String, Integer> camerasByLifecycle(String villageCode) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Lifecycle l : Lifecycle.values()) {
            out.put(l.name(), 0);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT lifecycle, count(*) FROM camera WHERE village_code = ? GROUP BY lifecycle")) {
            st.setString(1, villageCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Transactional
    public int watchingCameras(String villageCode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT count(*) FROM camera c WHERE c.village_code = ? AND " + CoverageSql.watches("c"))) {
            st.setString(1, villageCode);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Counts counts(String sql, String villageCode) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, villageCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new Counts(rs.getInt(1), rs.getInt(2)) : new Counts(0, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}
