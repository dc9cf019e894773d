package io.cunjian.camerainventory.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;

/**
 * Heartbeats, audits and the offline timer. A batch of heartbeats is one set-based update; events are
 * published only for cameras whose online flag flipped and zones whose coverage flipped, so a
 * camera that keeps reporting costs one row update and nothing else.
 */
@ApplicationScoped
public class LiveStatus {

    /** What a batch changed: cameras seen, cameras that came online (or went offline), zones that flipped. */
    public record BatchResult(int cameras, int cameOnline, int wentOffline, List<LiveStatusStore.ZoneFlip> zones) {
    }

    /** An audit recorded as heartbeats, and the village's cameras that should watch but were not seen. */
    public record AuditResult(BatchResult batch, List<String> notSeen) {
    }

    /** The batch is refused as a whole (its transaction rolls back: nothing changes). */
    public static final class HeartbeatRefused extends RuntimeException {
        private final List<String> unknownSerials;
        private final List<String> forbiddenSerials;

        public HeartbeatRefused(List<String> unknownSerials, List<String> forbiddenSerials) {
            super("heartbeats refused", null, false, false);
            this.unknownSerials = List.copyOf(unknownSerials);
            this.forbiddenSerials = List.copyOf(forbiddenSerials);
        }

        public List<String> unknownSerials() {
            return unknownSerials;
        }

        /** Cameras outside what the sender may report for (on an audit: of another village). */
        public List<String> forbiddenSerials() {
            return forbiddenSerials;
        }
    }

    @Inject
    LiveStatusStore store;
    @Inject
    Cameras cameras;
    @Inject
    Coverage coverage;
    @Inject
    CamerasConfig config;

    /**
     * Records heartbeats for cameras the caller may report for ({@link CameraPolicies#HEARTBEAT}). Unknown
     * serials, or cameras of villages the caller may not report for, refuse the whole batch ({@link HeartbeatRefused}).
     */
    @Transactional
    public BatchResult heartbeat(List<String> serials, OffsetDateTime at, Caller caller) {
        HeartbeatBatch batch = check(serials, at);
        return record(batch, village -> caller.may(CameraPolicies.HEARTBEAT, village));
    }

    /**
     * The bulk audit (巡检): staff who manage the village saw these cameras working. They count as heartbeats;
     * cameras of another village refuse the whole audit.
     */
    @Transactional
    public AuditResult audit(String villageCode, List<String> serials, OffsetDateTime at, Caller caller) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        HeartbeatBatch batch = check(serials, at);
        BatchResult r = record(batch, villageCode::equals);
        Set<String> seen = new HashSet<>(batch.serials());
        List<String> notSeen = cameras.inVillage(villageCode).stream().filter(c -> CoverageRule.counts(c.lifecycle()))
                .map(Camera::serial).filter(s -> !seen.contains(s)).toList();
        return new AuditResult(r, notSeen);
    }

    private HeartbeatBatch check(List<String> serials, OffsetDateTime at) {
        return HeartbeatBatch.check(serials, at, Instant.now(), config.maxBatch(), config.maxClockSkew());
    }

    private BatchResult record(HeartbeatBatch batch, Predicate<String> mayReportFor) {
        Set<String> distinct = new LinkedHashSet<>(batch.serials());
        Instant windowStart = CoverageRule.windowStart(Instant.now(), config.onlineWindow());
        List<LiveStatusStore.Status> statuses = store.heartbeat(distinct, batch.at(), windowStart);
        refuseUnlessAllMayReport(distinct, statuses, mayReportFor);
        int online = 0;
        int offline = 0;
        Set<Long> zones = new TreeSet<>();
        List<LiveStatusStore.Status> flipped = new ArrayList<>();
        for (LiveStatusStore.Status s : statuses) {
            if (s.flipped()) {
                flipped.add(s);
                if (s.online()) {
                    online++;
                } else {
                    offline++;
                }
                if (CoverageRule.counts(s.lifecycle())) {
                    zones.add(s.zoneId());
                }
            }
        }
        if (flipped.isEmpty()) {
            store.commitWithoutWaitingForTheDisk();
            return new BatchResult(statuses.size(), 0, 0, List.of());
        }
        flipped.sort(Comparator.comparing(LiveStatusStore.Status::serial));
        coverage.publishOnlineChanges(flipped.stream().filter(LiveStatusStore.Status::online).toList(), CameraEvents.Cause.HEARTBEAT);
        // a heartbeat dated before the window, for a camera the timer has not yet taken offline
        coverage.publishOnlineChanges(flipped.stream().filter(s -> !s.online()).toList(), CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        List<LiveStatusStore.ZoneFlip> zoneFlips = coverage.recompute(zones,
                covered -> covered ? CameraEvents.Cause.HEARTBEAT : CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        return new BatchResult(statuses.size(), online, offline, zoneFlips);
    }

    /** Refuses the batch when a serial is unknown, or a camera lies where the sender may not report. */
    private static void refuseUnlessAllMayReport(Set<String> distinct, List<LiveStatusStore.Status> statuses,
            Predicate<String> mayReportFor) {
        if (statuses.size() < distinct.size()) {
            Set<String> known = new HashSet<>();
            statuses.forEach(s -> known.add(s.serial()));
            throw new HeartbeatRefused(distinct.stream().filter(s -> !known.contains(s)).sorted().toList(), List.of());
        }
        List<String> forbidden = new ArrayList<>();
        Map<String, Boolean> villages = new HashMap<>();
        for (LiveStatusStore.Status s : statuses) {
            if (!villages.computeIfAbsent(s.villageCode(), mayReportFor::test)) {
                forbidden.add(s.serial());
            }
        }
        if (!forbidden.isEmpty()) {
            forbidden.sort(null);
            throw new HeartbeatRefused(List.of(), forbidden);
        }
    }

    /** One sweep transaction: takes offline up to a batch of cameras whose window has passed; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweepOnce(Instant now) {
        List<LiveStatusStore.Status> offline = store.sweep(CoverageRule.windowStart(now, config.onlineWindow()),
                config.sweepBatch());
        if (offline.isEmpty()) {
            return 0;
        }
        coverage.publishOnlineChanges(offline, CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        coverage.recompute(offline.stream().filter(s -> CoverageRule.counts(s.lifecycle())).map(LiveStatusStore.Status::zoneId)
                .toList(), CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        return offline.size();
    }

    /** Sweeps until no camera is left whose window has passed at {@code now}; returns how many went offline. */
    public int sweep(Instant now) {
        int total = 0;
        int n;
        do {
            n = sweepOnce(now);
            total += n;
        } while (n >= config.sweepBatch());
        return total;
    }
}
