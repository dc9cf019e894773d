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
import io.cunjian.villageprojects.events.VillageEvents;

/**
 * Village use cases, each in one transaction with its outbox rows. A village is a region too:
 * registering one registers its region ({@code cunjian.region.registered.v1}, then
 * {@code cunjian.village.registered.v1}, both keyed by the village code, so in that order).
 */
@ApplicationScoped
public class VillageService {

    @Inject
    Villages villages;
    @Inject
    Regions regions;
    @Inject
    RegionService regionService;
    @Inject
    Outbox outbox;

    @Transactional
    public Village.Outcome register(RegionCode code, RegionCode townshipCode, Village.Details details) {
        boolean townshipRegistered = RegionLevel.of(townshipCode) == RegionLevel.TOWNSHIP
                && regions.find(townshipCode).isPresent();
        boolean codeRegistered = regions.find(code).isPresent();
        Village.Outcome outcome = Village.register(code, townshipCode, details, codeRegistered, townshipRegistered);
        if (outcome instanceof Village.Accepted accepted) {
            if (regionService.register(code, details.name()) instanceof Region.Rejected<?>) {
                // checked above; a concurrent registration of the same code ends here or at the primary key
                return new Village.Rejected(new Village.AlreadyRegistered(code));
            }
            villages.add(accepted.village());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), VillageEvents.REGISTERED, code.value(),
                    accepted.event()));
        }
        return outcome;
    }

    /** Replaces the village's details if they were read at its current version. A new name renames the region as well. */
    @Transactional
    public Village.Outcome update(RegionCode code, Village.Details details, ExpectedVersion expected) {
        Village current = villages.findForChange(code).orElseThrow(() -> notFound(code.value()));
        expected.check(current.version());
        Village.Outcome outcome = current.update(details);
        if (outcome instanceof Village.Accepted accepted) {
            if (current.renamedBy(details)) {
                regionService.renameVillageRegion(code, details.name());
            }
            villages.update(accepted.village());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code.value(), VillageEvents.UPDATED, code.value(),
                    accepted.event()));
        }
        return outcome;
    }

    @Transactional
    public Village find(RegionCode code) {
        return villages.find(code).orElseThrow(() -> notFound(code.value()));
    }

    @Transactional
    public List<Village> search(Villages.Filter filter, int page, int size) {
        return villages.search(filter, page, size);
    }

    @Transactional
    public long countSearch(Villages.Filter filter) {
        return villages.countSearch(filter);
    }

    /** The answer to a command or question about a village that is not registered. */
    static NotFound notFound(String code) {
        return new NotFound("problem.village.not-found", code);
    }
}
