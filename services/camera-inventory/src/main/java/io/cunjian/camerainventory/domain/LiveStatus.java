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
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.Refused;
import io.cunjian.chassis.domain.Rejection;
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

    /**
     * How a batch is refused as a whole (its transaction rolls back: nothing changes): for serials nobody
     * registered, and for cameras outside what the sender may report for. A device's heartbeats name at most
     * ten serials in the text, an audit all of them; the answer lists every one.
     */
    private interface Refusal {
        Rejection unknown(List<String> serials);

        Rejection forbidden(List<String> serials);
    }

    private static final Refusal HEARTBEAT_REFUSAL = new Refusal() {
        @Override
        public Rejection unknown(List<String> serials) {
            return unknownSerials(serials, first(serials));
        }

        @Override
        public Rejection forbidden(List<String> serials) {
            return new Refused("problem.heartbeat.forbidden", String.join(", ", first(serials)))
                    .with("forbiddenSerials", serials);
        }
    };

    private static Refusal auditRefusal(String villageCode) {
        return new Refusal() {
            @Override
            public Rejection unknown(List<String> serials) {
                return unknownSerials(serials, serials);
            }

            @Override
            public Rejection forbidden(List<String> serials) {
                return InvalidInput.because("problem.audit.other-village", villageCode, String.join(", ", serials))
                        .with("otherVillageSerials", serials);
            }
        };
    }

    private static Rejection unknownSerials(List<String> serials, List<String> named) {
        return InvalidInput.because("problem.heartbeat.unknown-serials", serials.size(), String.join(", ", named))
                .with("unknownSerials", serials);
    }

    private static List<String> first(List<String> serials) {
        return serials.size() <= 10 ? serials : serials.subList(0, 10);
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
     * serials refuse the whole batch as invalid input ({@code unknownSerials}); cameras of villages the caller
     * may not report for refuse it as forbidden ({@code forbiddenSerials}).
     */
    @Transactional
    public BatchResult heartbeat(List<String> serials, OffsetDateTime at, Caller caller) {
        HeartbeatBatch batch = check(serials, at);
        return record(batch, village -> caller.may(CameraPolicies.HEARTBEAT, village), HEARTBEAT_REFUSAL);
    }

    /**
     * The bulk audit (巡检): staff who manage the village saw these cameras working. They count as heartbeats;
     * unknown serials ({@code unknownSerials}) or cameras of another village ({@code otherVillageSerials})
     * refuse the whole audit as invalid input.
     */
    @Transactional
    public AuditResult audit(String villageCode, List<String> serials, OffsetDateTime at, Caller caller) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        HeartbeatBatch batch = check(serials, at);
        BatchResult r = record(batch, villageCode::equals, auditRefusal(villageCode));
        Set<String> seen = new HashSet<>(batch.serials());
        List<String> notSeen = cameras.inVillage(villageCode).stream().filter(c -> CoverageRule.counts(c.lifecycle()))
                .map(Camera::serial).filter(s -> !seen.contains(s)).toList();
        return new AuditResult(r, notSeen);
    }

    private HeartbeatBatch check(List<String> serials, OffsetDateTime at) {
        return HeartbeatBatch.check(serials, at, Instant.now(), config.maxBatch(), config.maxClockSkew());
    }

    private BatchResult record(HeartbeatBatch batch, Predicate<String> mayReportFor, Refusal refusal) {
        Set<String> distinct = new LinkedHashSet<>(batch.serials());
        Instant windowStart = CoverageRule.windowStart(Instant.now(), config.onlineWindow());
        List<LiveStatusStore.Status> statuses = store.heartbeat(distinct, batch.at(), windowStart);
        refuseUnlessAllMayReport(distinct, statuses, mayReportFor, refusal);
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
            Predicate<String> mayReportFor, Refusal refusal) {
        if (statuses.size() < distinct.size()) {
            Set<String> known = new HashSet<>();
            statuses.forEach(s -> known.add(s.serial()));
            throw refusal.unknown(distinct.stream().filter(s -> !known.contains(s)).sorted().toList());
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
            throw refusal.forbidden(List.copyOf(forbidden));
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
