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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.domain.Lifecycle;

/**
 * Live status and coverage in set-based SQL, on the transaction's own connection: one statement
 * per heartbeat batch, one per sweep, and a recomputation of exactly the zones whose cameras
 * changed. Every flip is made by a conditional update that returns only the rows that really
 * changed, after the rows are locked in a global order (cameras by serial, then zones by id, then
 * villages by code), so concurrent batches, sweeps and lifecycle changes neither miss nor repeat a
 * flip, and cannot deadlock one another.
 */
@ApplicationScoped
public class LiveStatusStore {

    /** A camera touched by a heartbeat or the sweep: its online flag before and after. */
    public record Status(String serial, String villageCode, long zoneId, Lifecycle lifecycle, boolean wasOnline,
            boolean online, OffsetDateTime lastSeen) {

        public boolean flipped() {
            return wasOnline != online;
        }
    }

    /** A zone whose coverage flipped, with its village's counts just after this flip. */
    public record ZoneFlip(long zoneId, String villageCode, String zoneName, boolean covered, int villageZones,
            int villageCoveredZones) {
    }

    public record Counts(int zones, int coveredZones) {
    }

    @Inject
    DataSource dataSource;

    /**
     * Records a heartbeat at {@code at} for every camera of {@code serials} (no duplicates): its last
     * heartbeat becomes the later of the two, and it is online when that is after {@code cutoff}.
     * Returns one status per known serial; unknown serials are simply missing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Status> heartbeat(Collection<String> serials, Instant at, Instant cutoff) {
        String sql = """
                UPDATE camera c SET last_seen = GREATEST(c.last_seen, ?), online = GREATEST(c.last_seen, ?) > ?
                FROM (SELECT serial, online FROM camera WHERE serial = ANY(?) ORDER BY serial FOR NO KEY UPDATE) old
                WHERE c.serial = old.serial
                RETURNING c.serial, c.village_code, c.zone_id, c.lifecycle, old.online, c.online, c.last_seen""";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Timestamp t = Timestamp.from(at);
            st.setTimestamp(1, t);
            st.setTimestamp(2, t);
            st.setTimestamp(3, Timestamp.from(cutoff));
            Array array = c.createArrayOf("varchar", serials.toArray());
            st.setArray(4, array);
            List<Status> out = new ArrayList<>(serials.size());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Status(rs.getString(1), rs.getString(2), rs.getLong(3), Lifecycle.valueOf(rs.getString(4)),
                            rs.getBoolean(5), rs.getBoolean(6), utc(rs.getTimestamp(7))));
                }
            }
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
    @Transactional(Transactional.TxType.MANDATORY)
    public void commitWithoutWaitingForTheDisk() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SET LOCAL synchronous_commit = off")) {
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes offline up to {@code limit} online cameras whose last heartbeat is before {@code cutoff}.
     * Cameras locked by a running heartbeat batch are skipped: that batch decides them, the next sweep sees them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Status> sweep(Instant cutoff, int limit) {
        String sql = """
                UPDATE camera c SET online = FALSE
                FROM (SELECT serial FROM camera WHERE online AND last_seen < ? ORDER BY serial LIMIT ? FOR NO KEY UPDATE SKIP LOCKED) s
                WHERE c.serial = s.serial AND c.online AND c.last_seen < ?
                RETURNING c.serial, c.village_code, c.zone_id, c.lifecycle, c.last_seen""";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            Timestamp t = Timestamp.from(cutoff);
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
            out.sort(java.util.Comparator.comparing(Status::serial));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("offline sweep failed", e);
        }
    }

    /**
     * Recomputes the coverage of these zones from their cameras as committed now (a zone is covered
     * while one of its cameras is OPERATIONAL and online) and returns the zones that flipped, in
     * zone order per village, each with its village's counts after it. The zones are locked first
     * and read in a later statement, so a concurrent change of the same zones, which must wait for
     * these locks, is seen by whichever of the two recomputes last.
     */
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
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE zone z SET covered = x.now_covered, covered_changed_at = clock_timestamp()
                    FROM (SELECT z2.id, EXISTS (SELECT 1 FROM camera c WHERE c.zone_id = z2.id
                                AND c.lifecycle = 'OPERATIONAL' AND c.online) AS now_covered
                          FROM zone z2 WHERE z2.id = ANY(?)) x
                    WHERE z.id = x.id AND z.covered <> x.now_covered
                    RETURNING z.id, z.village_code, z.name, z.covered""")) {
                update.setArray(1, ids);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        flips.computeIfAbsent(rs.getString(2), v -> new ArrayList<>())
                                .add(new ZoneFlip(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), 0, 0));
                    }
                }
            }
            List<ZoneFlip> out = new ArrayList<>();
            try (PreparedStatement counts = c.prepareStatement("""
                    UPDATE village_coverage SET covered_zones = covered_zones + ? WHERE village_code = ?
                    RETURNING zones, covered_zones""")) {
                for (Map.Entry<String, List<ZoneFlip>> village : flips.entrySet()) {
                    List<ZoneFlip> list = village.getValue();
                    list.sort(java.util.Comparator.comparingLong(ZoneFlip::zoneId));
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
        } catch (SQLException e) {
            throw new IllegalStateException("coverage recomputation failed", e);
        }
    }

    /** Counts one more zone in the village (creating its row) and returns the counts after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts addZone(String villageCode) {
        return counts("""
                INSERT INTO village_coverage (village_code, zones, covered_zones) VALUES (?, 1, 0)
                ON CONFLICT (village_code) DO UPDATE SET zones = village_coverage.zones + 1
                RETURNING zones, covered_zones""", villageCode);
    }

    /** The village's counts, its row locked until the transaction ends (so events carry them in commit order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Counts lockCounts(String villageCode) {
        return counts("SELECT zones, covered_zones FROM village_coverage WHERE village_code = ? FOR NO KEY UPDATE", villageCode);
    }

    @Transactional
    public Counts counts(String villageCode) {
        return counts("SELECT zones, covered_zones FROM village_coverage WHERE village_code = ?", villageCode);
    }

    /** Camera counts of a village by lifecycle, and how many are OPERATIONAL and online. */
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

    @Transactional
    public int operationalOnline(String villageCode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT count(*) FROM camera WHERE village_code = ? AND lifecycle = 'OPERATIONAL' AND online")) {
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
