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
     * latest possible inspection date, is the day in China whatever the server's zone.
     */
    @Transactional
    public Inspection.Outcome record(RegionCode villageCode, Inspection.Report report, String recordedBy) {
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
    public InspectionOnFile find(RegionCode villageCode, UUID id) {
        requireRegistered(villageCode);
        return inspections.find(id).filter(i -> i.inspection().villageCode().equals(villageCode.value()))
                .orElseThrow(() -> new NotFound("problem.inspection.not-found", id));
    }

    @Transactional
    public List<InspectionOnFile> history(RegionCode villageCode, String itemCode, int page, int size) {
        requireRegistered(villageCode);
        return inspections.history(villageCode.value(), itemCode, page, size);
    }

    @Transactional
    public long countHistory(RegionCode villageCode, String itemCode) {
        return inspections.countHistory(villageCode.value(), itemCode);
    }

    @Transactional
    public List<InspectionOnFile> latestPerItem(RegionCode villageCode) {
        requireRegistered(villageCode);
        return inspections.latestPerItem(villageCode.value());
    }

    private void requireRegistered(RegionCode villageCode) {
        if (!villages.exists(villageCode)) {
            throw VillageService.notFound(villageCode.value());
        }
    }
}
