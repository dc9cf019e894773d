package io.cunjian.villageprojects.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;

/**
 * Creation plans from a spreadsheet (ADR 0037), keyed by their village: the file's rows for one village are its plan's
 * work targets, set through the API's use case (a plan equal to the current one changes nothing and publishes
 * nothing). The sheet has no coverage targets: a village's current ones are kept. All villages' plans, or none.
 */
@ApplicationScoped
public class PlanImport {

    @Inject
    PlanService service;
    @Inject
    CreationPlans plans;

    /** One village's plan as the file gives it (work targets only). */
    public record VillagePlan(RegionCode village, CreationPlan.Content content, String note) {
    }

    /** A plan its use case refused with violations (fields of the plan: {@code workTargets[2].quantity}). */
    public static final class RejectedPlan extends RuntimeException {

        private final transient List<Violation> violations;

        RejectedPlan(List<Violation> violations) {
            super(violations.toString(), null, false, false);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** How many plans were set (first or changed) and how many were already as the file says. */
    public record Imported(int set, int unchanged) {
    }

    @Transactional
    public Imported importAll(Caller caller, List<VillagePlan> villages) {
        int set = 0;
        int unchanged = 0;
        List<RowsRefused.Failure> failures = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            VillagePlan plan = villages.get(i);
            try {
                // the caller first: a plan outside the caller's regions is not read
                caller.require(Policies.MANAGE_IN_REGION, plan.village().value());
                List<CreationPlan.CoverageTarget> coverage = plans.current(plan.village().value())
                        .map(r -> r.plan().content().coverageTargets()).orElse(List.of());
                CreationPlan.Content content = new CreationPlan.Content(plan.content().standardId(),
                        plan.content().deadline(), plan.content().workTargets(), coverage);
                CreationPlan.Outcome outcome = service.setOne(caller, plan.village(), content, plan.note(), ExpectedVersion.any());
                if (outcome instanceof CreationPlan.Rejected rejected) {
                    throw new RejectedPlan(rejected.violations());
                }
                if (outcome instanceof CreationPlan.Unchanged) {
                    unchanged++;
                } else {
                    set++;
                }
            } catch (RuntimeException refused) {
                failures.add(new RowsRefused.Failure(i, refused));
            }
        }
        if (!failures.isEmpty()) {
            throw new RowsRefused(failures);
        }
        return new Imported(set, unchanged);
    }
}
