package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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

/**
 * Creation plans. Each accepted change is a new revision, kept in the plan's history, and one event
 * ({@code cunjian.plan.set.v1} for the first, {@code cunjian.plan.changed.v1} after) under the
 * village's code. Writes to one village's plan are serialised by holding the village.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    Villages villages;
    @Inject
    CreationPlans plans;
    @Inject
    Standards standards;
    @Inject
    WorkCategories categories;
    @Inject
    Outbox outbox;

    /**
     * Sets the plan. The first needs no expected revision (there is nothing to match; a concurrent
     * second "first" waits for the village, then needs one); a change needs the current revision. Staff
     * of the village's region set it; the caller is named as who changed it.
     */
    @Transactional
    public CreationPlan.Outcome set(Caller caller, RegionCode villageCode, CreationPlan.Content content, String note,
            ExpectedVersion expected) {
        return setOne(caller, villageCode, content, note, expected);
    }

    /** {@link #set} in the caller's transaction (an import's, ADR 0037, which writes all its villages' plans or none). */
    public CreationPlan.Outcome setOne(Caller caller, RegionCode villageCode, CreationPlan.Content content, String note,
            ExpectedVersion expected) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode.value());
        String changedBy = caller.subject();
        if (villages.findForChange(villageCode).isEmpty()) {
            throw VillageService.notFound(villageCode.value());
        }
        String village = villageCode.value();
        Optional<CreationPlan> current = plans.current(village).map(PlanRevision::plan);
        if (current.isPresent()) {
            expected.check(current.get().revision());
        }
        var outcome = CreationPlan.set(village, content, current, standards.find(content.standardId()),
                categories.all(), changedBy, note);
        if (outcome instanceof CreationPlan.Accepted accepted) {
            plans.add(new PlanRevision(accepted.plan(), changedBy, OffsetDateTime.now(ZoneOffset.UTC), note));
            outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, village, accepted.eventType(), village,
                    accepted.event()));
        }
        return outcome;
    }

    /** Every revision of a registered village's plan, newest first, for staff and viewers of its region. */
    @Transactional
    public List<PlanRevision> revisions(Caller caller, RegionCode villageCode) {
        caller.require(Policies.READ_IN_REGION, villageCode.value());
        if (!villages.exists(villageCode)) {
            throw VillageService.notFound(villageCode.value());
        }
        return plans.revisions(villageCode.value());
    }

    /** The village's current plan, for staff and viewers of its region. */
    @Transactional
    public PlanRevision find(Caller caller, RegionCode villageCode) {
        caller.require(Policies.READ_IN_REGION, villageCode.value());
        return plans.current(villageCode.value())
                .orElseThrow(() -> new NotFound("problem.plan.not-found", villageCode.value()));
    }
}
