package io.cunjian.villageprojects.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.villageprojects.persistence.CreationPlanRepository;
import io.cunjian.villageprojects.persistence.InspectionEntity;
import io.cunjian.villageprojects.persistence.InspectionRepository;
import io.cunjian.villageprojects.persistence.StandardVersionEntity;
import io.cunjian.villageprojects.persistence.StandardVersionRepository;
import io.cunjian.villageprojects.persistence.VillageRepository;

/** Inspections: added, never changed; each with {@code cunjian.inspection.recorded.v1} under the village's code. */
@ApplicationScoped
public class InspectionService {

    /** "Today" for an inspection date is the day in China, whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    VillageRepository villages;
    @Inject
    CreationPlanRepository plans;
    @Inject
    StandardVersionRepository standards;
    @Inject
    InspectionRepository inspections;
    @Inject
    Outbox outbox;

    /** Empty when the village is unknown. */
    @Transactional
    public Optional<Inspection.Outcome> record(String villageCode, Inspection.Report report, String recordedBy) {
        if (villages.findByIdOptional(villageCode).isEmpty()) {
            return Optional.empty();
        }
        Optional<StandardVersion> standard = plans.findByIdOptional(villageCode)
                .flatMap(p -> standards.findByIdOptional(p.standardId)).map(StandardVersionEntity::toDomain);
        var outcome = Inspection.record(UUID.randomUUID(), villageCode, report, standard, LocalDate.now(CHINA), recordedBy);
        if (outcome instanceof Inspection.Accepted accepted) {
            inspections.persist(InspectionEntity.of(accepted.inspection()));
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, villageCode, InspectionEvents.RECORDED, villageCode,
                    accepted.event()));
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<InspectionEntity> find(UUID id) {
        return inspections.findByIdOptional(id);
    }
}
