package io.cunjian.villageprojects.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.villageprojects.events.InspectionEvents;

/** Inspections: added, never changed; each with {@code cunjian.inspection.recorded.v1} under the village's code. */
@ApplicationScoped
public class InspectionService {

    @Inject
    Villages villages;
    @Inject
    CreationPlans plans;
    @Inject
    Standards standards;
    @Inject
    Inspections inspections;
    @Inject
    Outbox outbox;

    /**
     * Records an inspection of an item of the standard the village's plan follows. "Today", the
     * latest possible inspection date, is the day in China whatever the server's zone. Staff of the
     * village's region record it, named as who recorded it.
     */
    @Transactional
    public Inspection.Outcome record(Caller caller, RegionCode villageCode, Inspection.Report report) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode.value());
        String recordedBy = caller.subject();
        String village = villageCode.value();
        requireRegistered(villageCode);
        Optional<StandardVersion> standard = plans.current(village)
                .flatMap(p -> standards.find(p.plan().content().standardId()));
        var outcome = Inspection.record(UUID.randomUUID(), village, report, standard,
                ChinaTime.today(Clock.systemUTC()), recordedBy);
        if (outcome instanceof Inspection.Accepted accepted) {
            inspections.add(accepted.inspection());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, village, InspectionEvents.RECORDED, village,
                    accepted.event()));
        }
        return outcome;
    }

    /** One of the village's inspections. */
    @Transactional
    public InspectionOnFile find(Caller caller, RegionCode villageCode, UUID id) {
        requireReadable(caller, villageCode);
        return inspections.find(id).filter(i -> i.inspection().villageCode().equals(villageCode.value()))
                .orElseThrow(() -> new NotFound("problem.inspection.not-found", id));
    }

    /** The village's inspections (of one item when {@code itemCode} is not empty), latest first. */
    @Transactional
    public Results<InspectionOnFile> history(Caller caller, RegionCode villageCode, String itemCode, int page, int size) {
        requireReadable(caller, villageCode);
        return new Results<>(inspections.history(villageCode.value(), itemCode, page, size),
                inspections.countHistory(villageCode.value(), itemCode));
    }

    /** Per item, the inspection that counts. */
    @Transactional
    public List<InspectionOnFile> latestPerItem(Caller caller, RegionCode villageCode) {
        requireReadable(caller, villageCode);
        return inspections.latestPerItem(villageCode.value());
    }

    /** Staff and viewers of the village's region read its inspections; first the caller, then whether it exists. */
    private void requireReadable(Caller caller, RegionCode villageCode) {
        caller.require(Policies.READ_IN_REGION, villageCode.value());
        requireRegistered(villageCode);
    }

    private void requireRegistered(RegionCode villageCode) {
        if (!villages.exists(villageCode)) {
            throw VillageService.notFound(villageCode.value());
        }
    }
}
