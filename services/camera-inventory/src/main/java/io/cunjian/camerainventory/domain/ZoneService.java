package io.cunjian.camerainventory.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.camerainventory.persistence.LiveStatusStore;
import io.cunjian.camerainventory.persistence.ZoneEntity;
import io.cunjian.camerainventory.persistence.ZoneRepository;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;

/** Coverage zones: defined in a village the replica knows, renamed or re-described with If-Match. */
@ApplicationScoped
public class ZoneService {

    @Inject
    ZoneRepository zones;
    @Inject
    LiveStatusStore store;
    @Inject
    RegionReplica replica;
    @Inject
    Outbox outbox;

    /** Defines a zone; a village this service has not seen yet is a retryable problem (503). */
    @Transactional
    public Zone.Outcome define(String villageCode, Zone.Details details) {
        replica.requireVillage(villageCode);
        Zone.Outcome outcome = Zone.define(villageCode, details, zones.nameTaken(villageCode, details.name(), null));
        if (outcome instanceof Zone.Accepted accepted) {
            LiveStatusStore.Counts counts = store.addZone(villageCode);
            ZoneEntity e = new ZoneEntity();
            e.villageCode = villageCode;
            apply(e, details);
            zones.persist(e);
            zones.flush();
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, villageCode, CameraEvents.ZONE_DEFINED, null,
                    event(e, counts)));
            return new Zone.Accepted(toDomain(e));
        }
        return outcome;
    }

    @Transactional
    public Optional<Zone.Outcome> update(long id, Zone.Details details, String ifMatch) {
        Optional<ZoneEntity> found = zones.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ZoneEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        Zone current = toDomain(e);
        Zone.Outcome outcome = current.update(details, zones.nameTaken(e.villageCode, details.name(), e.id));
        if (outcome instanceof Zone.Accepted) {
            LiveStatusStore.Counts counts = store.lockCounts(e.villageCode);
            apply(e, details);
            zones.flush();
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, e.villageCode, CameraEvents.ZONE_CHANGED, null,
                    event(e, counts)));
            return Optional.of(new Zone.Accepted(toDomain(e)));
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<ZoneEntity> find(long id) {
        return zones.findByIdOptional(id);
    }

    public static Zone toDomain(ZoneEntity e) {
        return new Zone(e.id, e.villageCode, new Zone.Details(e.name, e.kind,
                e.centreLat == null ? null : new GeoPoint(e.centreLat, e.centreLng)), e.version);
    }

    private static void apply(ZoneEntity e, Zone.Details d) {
        e.name = d.name();
        e.kind = d.kind();
        e.centreLat = d.centre() == null ? null : d.centre().latitude();
        e.centreLng = d.centre() == null ? null : d.centre().longitude();
    }

    private static CameraEvents.Zone event(ZoneEntity e, LiveStatusStore.Counts counts) {
        return new CameraEvents.Zone(e.id, e.villageCode, e.name, e.kind.name(),
                e.centreLat == null ? null : new CameraEvents.Point(e.centreLat, e.centreLng), e.covered, e.version,
                counts.zones(), counts.coveredZones());
    }
}
