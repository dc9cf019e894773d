package io.cunjian.camerainventory.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Live status and coverage as stored: set-based (one statement per heartbeat batch, one per sweep, one
 * recomputation of exactly the zones concerned), each deciding with {@link CoverageRule}. Implemented in
 * persistence; every method runs in the caller's transaction unless it says otherwise.
 */
public interface LiveStatusStore {

    /** A camera touched by a heartbeat or the sweep: its online flag before and after. */
    record Status(String serial, String villageCode, long zoneId, Lifecycle lifecycle, boolean wasOnline,
            boolean online, OffsetDateTime lastSeen) {

        public boolean flipped() {
            return wasOnline != online;
        }
    }

    /** A zone whose coverage flipped, with its village's counts just after this flip. */
    record ZoneFlip(long zoneId, String villageCode, String zoneName, boolean covered, int villageZones,
            int villageCoveredZones) {
    }

    /** A village's zones and how many of them are covered. */
    record Counts(int zones, int coveredZones) {
    }

    /**
     * Records a heartbeat at {@code at} for every camera of {@code serials} (no duplicates): its last
     * heartbeat becomes the later of the two, and it is online by {@link CoverageRule#online} for a window
     * starting at {@code windowStart}. Returns one status per known serial; unknown serials are missing.
     */
    List<Status> heartbeat(Collection<String> serials, Instant at, Instant windowStart);

    /** Lets a transaction that flipped nothing commit without waiting for the disk (see the implementation). */
    void commitWithoutWaitingForTheDisk();

    /** Takes offline up to {@code limit} online cameras no longer online for a window starting at {@code windowStart}. */
    List<Status> sweep(Instant windowStart, int limit);

    /** Recomputes these zones' coverage by {@link CoverageRule}; returns the zones that flipped, with counts after each. */
    List<ZoneFlip> recompute(Collection<Long> zoneIds);

    /** Counts one more zone in the village and returns the counts after it. */
    Counts addZone(String villageCode);

    /** The village's counts, locked until the transaction ends (so events carry them in commit order). */
    Counts lockCounts(String villageCode);

    /** The village's camera counts by lifecycle (every lifecycle named, 0 when none). */
    Map<String, Integer> camerasByLifecycle(String villageCode);

    /** How many of the village's cameras watch their zone now ({@link CoverageRule#watches}). */
    int watchingCameras(String villageCode);
}
