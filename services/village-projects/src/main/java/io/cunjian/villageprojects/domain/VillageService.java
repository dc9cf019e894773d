package io.cunjian.villageprojects.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;
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

    /**
     * Registers a village in a township; staff of the village's region do. The township code is checked
     * after the caller, so a caller outside the region learns nothing about it.
     */
    @Transactional
    public Village.Outcome register(Caller caller, RegionCode code, String township, Village.Details details) {
        return registerOne(caller, code, township, details);
    }

    /** {@link #register} in the caller's transaction (an import's, ADR 0037, which writes all its rows or none). */
    public Village.Outcome registerOne(Caller caller, RegionCode code, String township, Village.Details details) {
        caller.require(Policies.MANAGE_IN_REGION, code.value());
        if (!RegionCode.isValid(township)) {
            throw new InvalidInput("townshipCode", "problem.village.township.invalid");
        }
        RegionCode townshipCode = new RegionCode(township);
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
    public Village.Outcome update(Caller caller, RegionCode code, Village.Details details, ExpectedVersion expected) {
        return updateOne(caller, code, details, expected);
    }

    /** {@link #update} in the caller's transaction (an import's, ADR 0037). */
    public Village.Outcome updateOne(Caller caller, RegionCode code, Village.Details details, ExpectedVersion expected) {
        caller.require(Policies.MANAGE_IN_REGION, code.value());
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

    /** A village, for staff and viewers of its region. */
    @Transactional
    public Village find(Caller caller, RegionCode code) {
        caller.require(Policies.READ_IN_REGION, code.value());
        return villages.find(code).orElseThrow(() -> notFound(code.value()));
    }

    /**
     * The villages the caller may read that match; {@code within} (empty: anywhere) narrows them and must
     * already be a region code. {@code demonstration} and {@code year}, when not null, must match.
     */
    @Transactional
    public Results<Village> search(Caller caller, String within, String name, Boolean demonstration, Integer year,
            int page, int size) {
        var filter = new Villages.Filter(RegionScope.readable(caller, within), within, name, demonstration, year);
        return new Results<>(villages.search(filter, page, size), villages.countSearch(filter));
    }

    /** The answer to a command or question about a village that is not registered. */
    static NotFound notFound(String code) {
        return new NotFound("problem.village.not-found", code);
    }
}
