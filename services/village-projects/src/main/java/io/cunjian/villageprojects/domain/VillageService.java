package io.cunjian.villageprojects.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.villageprojects.persistence.RegionRepository;
import io.cunjian.villageprojects.persistence.VillageEntity;
import io.cunjian.villageprojects.persistence.VillageRepository;

/**
 * Village use cases, each in one transaction with its outbox rows. A village is a region too:
 * registering one registers its region ({@code cunjian.region.registered.v1}, then
 * {@code cunjian.village.registered.v1}, both keyed by the village code, so in that order).
 */
@ApplicationScoped
public class VillageService {

    @Inject
    VillageRepository villages;
    @Inject
    RegionRepository regions;
    @Inject
    RegionService regionService;
    @Inject
    Outbox outbox;

    @Transactional
    public Village.Outcome register(RegionCode code, RegionCode townshipCode, Village.Details details) {
        boolean townshipRegistered = regions.findByIdOptional(townshipCode.value())
                .filter(t -> RegionCode.Level.TOWNSHIP.name().equals(t.level)).isPresent();
        boolean codeRegistered = regions.findByIdOptional(code.value()).isPresent();
        Village.Outcome outcome = Village.register(code, townshipCode, details, codeRegistered, townshipRegistered);
        if (outcome instanceof Village.Accepted accepted) {
            if (regionService.register(code, details.name()) instanceof Region.Rejected<?> rejected) {
                // checked above; a concurrent registration of the same code ends here or at the primary key
                return new Village.Rejected(new Village.AlreadyRegistered(code));
            }
            VillageEntity e = new VillageEntity();
            e.code = code.value();
            e.townshipCode = townshipCode.value();
            e.apply(accepted.village().details());
            villages.persist(e);
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), VillageEvents.REGISTERED, code.value(),
                    accepted.event()));
        }
        return outcome;
    }

    /**
     * Replaces the village's details if {@code ifMatch} names its current version (else 428/412).
     * A new name renames the region as well.
     */
    @Transactional
    public Optional<Village.Outcome> update(RegionCode code, Village.Details details, String ifMatch) {
        Optional<VillageEntity> found = villages.findByIdOptional(code.value(), LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VillageEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        Village current = e.toDomain();
        Village.Outcome outcome = current.update(details);
        if (outcome instanceof Village.Accepted accepted) {
            if (current.renamedBy(details)) {
                regionService.renameVillageRegion(code, details.name());
            }
            e.apply(accepted.village().details());
            villages.flush(); // the new @Version is the one the event names
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), VillageEvents.UPDATED, code.value(),
                    accepted.event()));
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<VillageEntity> find(RegionCode code) {
        return villages.findByIdOptional(code.value());
    }
}
