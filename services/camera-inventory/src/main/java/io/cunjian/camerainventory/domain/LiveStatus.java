package io.cunjian.camerainventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.camerainventory.persistence.LiveStatusStore;

/**
 * Heartbeats and the offline timer. A batch of heartbeats is one set-based update; events are
 * published only for cameras whose online flag flipped and zones whose coverage flipped, so a
 * camera that keeps reporting costs one row update and nothing else.
 */
@ApplicationScoped
public class LiveStatus {

    /** What a batch changed: cameras seen, cameras that came online (or went offline), zones that flipped. */
    public record BatchResult(int cameras, int cameOnline, int wentOffline, List<LiveStatusStore.ZoneFlip> zones) {
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

        public List<String> forbiddenSerials() {
            return forbiddenSerials;
        }
    }

    @Inject
    LiveStatusStore store;
    @Inject
    Coverage coverage;
    @Inject
    CamerasConfig config;

    /**
     * Records heartbeats at {@code at} for {@code serials}. Unknown serials, or cameras of villages
     * {@code mayReportFor} refuses, refuse the whole batch ({@link HeartbeatRefused}).
     */
    @Transactional
    public BatchResult heartbeat(Collection<String> serials, Instant at, Predicate<String> mayReportFor) {
        Set<String> distinct = new LinkedHashSet<>(serials);
        Instant cutoff = Instant.now().minus(config.onlineWindow());
        List<LiveStatusStore.Status> statuses = store.heartbeat(distinct, at, cutoff);
        if (statuses.size() < distinct.size()) {
            Set<String> known = new java.util.HashSet<>();
            statuses.forEach(s -> known.add(s.serial()));
            throw new HeartbeatRefused(distinct.stream().filter(s -> !known.contains(s)).sorted().toList(), List.of());
        }
        List<String> forbidden = new ArrayList<>();
        java.util.Map<String, Boolean> villages = new java.util.HashMap<>();
        for (LiveStatusStore.Status s : statuses) {
            if (!villages.computeIfAbsent(s.villageCode(), mayReportFor::test)) {
                forbidden.add(s.serial());
            }
        }
        if (!forbidden.isEmpty()) {
            forbidden.sort(null);
            throw new HeartbeatRefused(List.of(), forbidden);
        }
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
                if (s.lifecycle().covers()) {
                    zones.add(s.zoneId());
                }
            }
        }
        if (flipped.isEmpty()) {
            store.commitWithoutWaitingForTheDisk();
            return new BatchResult(statuses.size(), 0, 0, List.of());
        }
        flipped.sort(java.util.Comparator.comparing(LiveStatusStore.Status::serial));
        coverage.publishOnlineChanges(flipped.stream().filter(LiveStatusStore.Status::online).toList(), CameraEvents.Cause.HEARTBEAT);
        // a heartbeat dated before the window, for a camera the timer has not yet taken offline
        coverage.publishOnlineChanges(flipped.stream().filter(s -> !s.online()).toList(), CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        List<LiveStatusStore.ZoneFlip> zoneFlips = coverage.recompute(zones,
                covered -> covered ? CameraEvents.Cause.HEARTBEAT : CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        return new BatchResult(statuses.size(), online, offline, zoneFlips);
    }

    /** One sweep transaction: takes offline up to a batch of cameras whose window has passed; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweepOnce(Instant now) {
        List<LiveStatusStore.Status> offline = store.sweep(now.minus(config.onlineWindow()), config.sweepBatch());
        if (offline.isEmpty()) {
            return 0;
        }
        coverage.publishOnlineChanges(offline, CameraEvents.Cause.HEARTBEAT_TIMEOUT);
        coverage.recompute(offline.stream().filter(s -> s.lifecycle().covers()).map(LiveStatusStore.Status::zoneId).toList(),
                CameraEvents.Cause.HEARTBEAT_TIMEOUT);
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
