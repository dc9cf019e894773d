package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jakarta.persistence.LockModeType;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.villageprojects.persistence.RegionEntity;
import io.cunjian.villageprojects.persistence.RegionRepository;

/**
 * Region use cases. Each runs in one transaction: the region's row and its event's outbox row
 * commit together (the chassis's transactional outbox), so no change goes unannounced.
 */
@ApplicationScoped
public class RegionService {

    @Inject
    RegionRepository regions;
    @Inject
    Outbox outbox;

    @Transactional
    public Region.Outcome<RegionEvents.Registered> register(RegionCode code, String name) {
        boolean parentRegistered = code.parent().map(p -> regions.findByIdOptional(p.value()).isPresent()).orElse(true);
        var outcome = Region.register(code, name, regions.findByIdOptional(code.value()).isPresent(), parentRegistered);
        if (outcome instanceof Region.Accepted<RegionEvents.Registered> accepted) {
            RegionEntity e = new RegionEntity();
            e.code = code.value();
            e.name = accepted.region().name();
            e.level = code.level().name();
            e.parentCode = code.parent().map(RegionCode::value).orElse(null);
            regions.persist(e);
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), RegionEvents.REGISTERED, code.value(),
                    accepted.event()));
        }
        return outcome;
    }

    /**
     * Renames the region if {@code ifMatch} names its current version (else 428/412). The row lock
     * orders concurrent renames, and so their events.
     */
    @Transactional
    public Optional<Region.Outcome<RegionEvents.Renamed>> rename(RegionCode code, String name, String ifMatch) {
        Optional<RegionEntity> found = regions.findByIdOptional(code.value(), LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegionEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        return Optional.of(rename(e, name));
    }

    /**
     * For the village service, inside its transaction: a village's name is its region's name, so
     * renaming the village renames the region (and publishes {@code cunjian.region.renamed.v1}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Region.Outcome<RegionEvents.Renamed> renameVillageRegion(RegionCode code, String name) {
        return rename(regions.findByIdOptional(code.value(), LockModeType.PESSIMISTIC_WRITE).orElseThrow(), name);
    }

    private Region.Outcome<RegionEvents.Renamed> rename(RegionEntity e, String name) {
        var outcome = e.toDomain().rename(name);
        if (outcome instanceof Region.Accepted<RegionEvents.Renamed> accepted) {
            e.name = accepted.region().name();
            regions.flush(); // bumps the version, so the event names the version the row now has
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, e.code, RegionEvents.RENAMED, e.code, accepted.event()));
        }
        return outcome;
    }

    @Transactional
    public Optional<RegionEntity> find(RegionCode code) {
        return regions.findByIdOptional(code.value());
    }

    @Transactional
    public List<RegionEntity> children(RegionCode code) {
        return regions.children(code.value());
    }
}
