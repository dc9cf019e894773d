package io.cunjian.camerainventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;

/**
 * Keeps coverage true after a change: recomputes the zones the change touched (by {@link CoverageRule},
 * the one definition) and publishes {@code zone-coverage-changed} for each zone that really flipped, in
 * the transaction of the change. Also answers what a village's coverage is now.
 */
@ApplicationScoped
public class Coverage {

    @Inject
    LiveStatusStore store;
    @Inject
    Outbox outbox;

    @Inject
    Zones zones;
    @Inject
    RegionReplica replica;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<LiveStatusStore.ZoneFlip> recompute(Collection<Long> zoneIds, CameraEvents.Cause cause) {
        return recompute(zoneIds, covered -> cause);
    }

    /** {@code cause}: the cause of a flip to covered (true) or to uncovered (false). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LiveStatusStore.ZoneFlip> recompute(Collection<Long> zoneIds,
            java.util.function.Function<Boolean, CameraEvents.Cause> causeOf) {
        CameraEvents.Cause cause;
        Set<Long> zones = new TreeSet<>(zoneIds);
        List<LiveStatusStore.ZoneFlip> flips = store.recompute(zones);
        for (LiveStatusStore.ZoneFlip f : flips) {
            cause = causeOf.apply(f.covered());
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, f.villageCode(), CameraEvents.ZONE_COVERAGE_CHANGED,
                    null, new CameraEvents.ZoneCoverageChanged(f.villageCode(), f.zoneId(), f.zoneName(),
                            f.covered(), cause, f.villageZones(), f.villageCoveredZones())));
        }
        return flips;
    }

    /** Publishes each camera's online flip (statuses that did not flip are skipped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishOnlineChanges(Collection<LiveStatusStore.Status> statuses, CameraEvents.Cause cause) {
        int n = 0;
        for (LiveStatusStore.Status s : statuses) {
            if (s.flipped()) {
                outbox.publish(new OutgoingEvent(TopicNames.CAMERA, s.villageCode(), CameraEvents.ONLINE_CHANGED,
                        null, new CameraEvents.OnlineChanged(s.serial(), s.villageCode(), s.zoneId(),
                                s.online(), s.lastSeen(), cause)));
                n++;
            }
        }
        return n;
    }

    /**
     * The village's coverage now, for staff and viewers of its region; a village with no zone that is not
     * known here is not found.
     */
    @Transactional
    public VillageCoverage ofVillage(Caller caller, String villageCode) {
        caller.require(Policies.READ_IN_REGION, villageCode);
        List<ZoneCoverage> list = zones.inVillage(villageCode);
        if (list.isEmpty() && replica.find(villageCode).isEmpty()) {
            throw new NotFound("problem.village.not-found", villageCode);
        }
        return new VillageCoverage(villageCode, list, store.camerasByLifecycle(villageCode),
                store.watchingCameras(villageCode));
    }
}
