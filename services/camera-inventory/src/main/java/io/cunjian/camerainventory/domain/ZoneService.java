package io.cunjian.camerainventory.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;

/** Coverage zones: defined in a village the replica knows, renamed or re-described against the version seen. */
@ApplicationScoped
public class ZoneService {

    @Inject
    Zones zones;
    @Inject
    LiveStatusStore store;
    @Inject
    RegionReplica replica;
    @Inject
    Outbox outbox;

    /** Defines a zone; a village this service does not hold is 503 (not yet known) or 422 (none such): RegionReplica. */
    @Transactional
    public ZoneCoverage define(String villageCode, Zone.Details details, Caller caller) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        replica.requireVillage("villageCode", villageCode);
        Zone.Outcome outcome = Zone.define(villageCode, details, zones.nameTaken(villageCode, details.name(), null));
        if (outcome instanceof Zone.Rejected rejected) {
            throw conflict(rejected.rejection());
        }
        LiveStatusStore.Counts counts = store.addZone(villageCode);
        ZoneCoverage zone = zones.add(((Zone.Accepted) outcome).zone());
        outbox.publish(new OutgoingEvent(TopicNames.CAMERA, villageCode, CameraEvents.ZONE_DEFINED, null, event(zone, counts)));
        return zone;
    }

    /** New details; the outcome is {@link Zone.Accepted} or {@link Zone.Unchanged} (a taken name is refused). */
    @Transactional
    public Zone.Outcome update(long id, Zone.Details details, Caller caller, ExpectedVersion expected) {
        Zone current = zones.lockForChange(id).orElseThrow(() -> notFound(id));
        caller.require(Policies.MANAGE_IN_REGION, current.villageCode());
        expected.check(current.version());
        Zone.Outcome outcome = current.update(details, zones.nameTaken(current.villageCode(), details.name(), id));
        if (outcome instanceof Zone.Rejected rejected) {
            throw conflict(rejected.rejection());
        }
        if (outcome instanceof Zone.Accepted accepted) {
            LiveStatusStore.Counts counts = store.lockCounts(current.villageCode());
            ZoneCoverage after = zones.save(accepted.zone());
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, current.villageCode(), CameraEvents.ZONE_CHANGED, null,
                    event(after, counts)));
            return new Zone.Accepted(after.zone());
        }
        return outcome;
    }

    /** The zone, for staff and viewers of its village's region (an unknown zone: 404 first). */
    @Transactional
    public ZoneCoverage find(Caller caller, long id) {
        ZoneCoverage found = zones.withId(id).orElseThrow(() -> notFound(id));
        caller.require(Policies.READ_IN_REGION, found.zone().villageCode());
        return found;
    }

    /** A zone's name, to label rows the caller may already read (the export); empty for an unknown zone. */
    @Transactional
    public Optional<String> name(long id) {
        return zones.withId(id).map(z -> z.zone().details().name());
    }

    /**
     * The zones the caller may read, under {@code within} or in {@code village} (codes already checked),
     * of one {@code kind} when not null; {@code covered} is read after the caller is (a caller who may
     * read nothing here is refused whatever it sent).
     */
    @Transactional
    public Results<ZoneCoverage> search(Caller caller, String within, String village, ZoneKind kind, String covered,
            int page, int size) {
        List<String> regions = RegionScope.readable(caller, village != null && !village.isEmpty() ? village : within);
        var filter = new ZoneFilter(regions, within, village, kind, Flag.parse("covered", covered));
        return new Results<>(zones.matching(filter, page, size), zones.countMatching(filter));
    }

    /** The village's zones by name. */
    @Transactional
    public List<ZoneCoverage> inVillage(String villageCode) {
        return zones.inVillage(villageCode);
    }

    public static NotFound notFound(long id) {
        return new NotFound("problem.zone.not-found", Long.toString(id));
    }

    private static StateConflict conflict(Zone.Rejection rejection) {
        Zone.NameTaken taken = (Zone.NameTaken) rejection;
        return new StateConflict(null, "problem.zone.name-taken", taken.villageCode(), taken.name());
    }

    private static CameraEvents.Zone event(ZoneCoverage z, LiveStatusStore.Counts counts) {
        Zone zone = z.zone();
        GeoPoint centre = zone.details().centre();
        return new CameraEvents.Zone(zone.id(), zone.villageCode(), zone.details().name(), zone.details().kind().name(),
                centre == null ? null : new CameraEvents.Point(centre.latitude(), centre.longitude()), z.covered(),
                zone.version(), counts.zones(), counts.coveredZones());
    }
}
