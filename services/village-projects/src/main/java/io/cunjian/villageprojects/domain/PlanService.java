package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.villageprojects.persistence.CreationPlanEntity;
import io.cunjian.villageprojects.persistence.CreationPlanRepository;
import io.cunjian.villageprojects.persistence.StandardVersionEntity;
import io.cunjian.villageprojects.persistence.StandardVersionRepository;
import io.cunjian.villageprojects.persistence.VillageRepository;
import io.cunjian.villageprojects.persistence.WorkCategoryEntity;
import io.cunjian.villageprojects.persistence.WorkCategoryRepository;

/**
 * Creation plans. Each accepted change is a new revision, kept in plan_revision, and one event
 * ({@code cunjian.plan.set.v1} for the first, {@code cunjian.plan.changed.v1} after) under the
 * village's code. Writes to one village's plan are serialised by locking the village row.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    VillageRepository villages;
    @Inject
    CreationPlanRepository plans;
    @Inject
    StandardVersionRepository standards;
    @Inject
    WorkCategoryRepository categories;
    @Inject
    Outbox outbox;

    /**
     * Sets the plan. The first needs no {@code If-Match} (there is nothing to match; a concurrent
     * second "first" waits for the village lock, then needs one); a change needs the current
     * revision's (428/412). Empty when the village is unknown.
     */
    @Transactional
    public Optional<CreationPlan.Outcome> set(String villageCode, CreationPlan.Content content, String ifMatch,
            String changedBy, String note) {
        if (villages.findByIdOptional(villageCode, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
            return Optional.empty();
        }
        Optional<CreationPlanEntity> current = plans.findByIdOptional(villageCode);
        if (current.isPresent()) {
            ETags.requireIfMatch(ifMatch, current.get().revision);
        }
        Map<String, WorkCategory> catalogue = categories.listAll().stream().map(WorkCategoryEntity::toDomain)
                .collect(Collectors.toMap(WorkCategory::code, Function.identity()));
        Optional<StandardVersion> standard = standards.findByIdOptional(content.standardId())
                .map(StandardVersionEntity::toDomain);
        var outcome = CreationPlan.set(villageCode, content, current.map(CreationPlanEntity::toDomain), standard,
                catalogue, changedBy, note);
        if (outcome instanceof CreationPlan.Accepted accepted) {
            CreationPlanEntity e = current.orElseGet(CreationPlanEntity::new);
            e.apply(accepted.plan(), changedBy, OffsetDateTime.now(ZoneOffset.UTC), note);
            if (current.isEmpty()) {
                plans.persist(e);
            }
            plans.persistRevision(e.revisionRow());
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, villageCode, accepted.eventType(), villageCode,
                    accepted.event()));
        }
        return Optional.of(outcome);
    }

    @Transactional
    public Optional<CreationPlanEntity> find(String villageCode) {
        return plans.findByIdOptional(villageCode);
    }
}
