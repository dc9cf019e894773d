package io.cunjian.villageprojects.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;
import io.cunjian.villageprojects.events.RegionEvents;

/**
 * Region use cases. Each runs in one transaction: the region's row and its event's outbox row
 * commit together (the chassis's transactional outbox), so no change goes unannounced.
 */
@ApplicationScoped
public class RegionService {

    @Inject
    Regions regions;
    @Inject
    Outbox outbox;

    /** District admins whose regions cover the code register it (villages come through {@link VillageService}). */
    @Transactional
    public Region.Outcome<RegionEvents.Registered> register(Caller caller, RegionCode code, String name) {
        caller.require(Policies.ADMINISTER_IN_REGION, code.value());
        return register(code, name);
    }

    /** For the village use cases, inside their transaction, once they have checked the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    Region.Outcome<RegionEvents.Registered> register(RegionCode code, String name) {
        boolean parentRegistered = RegionLevel.parentOf(code).map(p -> regions.find(p).isPresent()).orElse(true);
        var outcome = Region.register(code, name, regions.find(code).isPresent(), parentRegistered);
        if (outcome instanceof Region.Accepted<RegionEvents.Registered> accepted) {
            regions.add(accepted.region());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), RegionEvents.REGISTERED, code.value(),
                    accepted.event()));
        }
        return outcome;
    }

    /**
     * Renames the region if it was read at its current version. The hold on the region orders
     * concurrent renames, and so their events. District admins whose regions cover it rename it.
     */
    @Transactional
    public Region.Outcome<RegionEvents.Renamed> rename(Caller caller, RegionCode code, String name,
            ExpectedVersion expected) {
        caller.require(Policies.ADMINISTER_IN_REGION, code.value());
        Region region = regions.findForChange(code).orElseThrow(() -> notFound(code));
        expected.check(region.version());
        return rename(region, name);
    }

    /**
     * For the village use cases, inside their transaction: a village's name is its region's name, so
     * renaming the village renames the region (and publishes {@code cunjian.region.renamed.v1}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Region.Outcome<RegionEvents.Renamed> renameVillageRegion(RegionCode code, String name) {
        return rename(regions.findForChange(code).orElseThrow(), name);
    }

    private Region.Outcome<RegionEvents.Renamed> rename(Region region, String name) {
        var outcome = region.rename(name);
        if (outcome instanceof Region.Accepted<RegionEvents.Renamed> accepted) {
            regions.update(accepted.region());
            String code = region.code().value();
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code, RegionEvents.RENAMED, code, accepted.event()));
        }
        return outcome;
    }

    /** A region, for staff and viewers whose regions cover it. */
    @Transactional
    public Region find(Caller caller, RegionCode code) {
        caller.require(Policies.READ_IN_REGION, code.value());
        return regions.find(code).orElseThrow(() -> notFound(code));
    }

    /** The regions directly below a registered one. */
    @Transactional
    public List<Region> children(Caller caller, RegionCode code) {
        find(caller, code);
        return regions.children(code);
    }

    /**
     * The regions the caller may read whose name contains {@code name}, under {@code within} (empty:
     * anywhere), which must already be a region code.
     */
    @Transactional
    public Results<Region> search(Caller caller, String name, String within, int page, int size) {
        List<String> readable = RegionScope.readable(caller, within);
        return new Results<>(regions.search(name, within, readable, page, size),
                regions.countSearch(name, within, readable));
    }

    static NotFound notFound(RegionCode code) {
        return new NotFound("problem.region.not-found", code.value());
    }
}
