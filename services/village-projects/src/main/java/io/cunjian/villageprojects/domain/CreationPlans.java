package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;

/** The villages' plans and every revision of them. */
public interface CreationPlans {

    /** The village's current plan. */
    Optional<PlanRevision> current(String villageCode);

    /** Makes {@code revision} the village's current plan and keeps it in the plan's history. */
    void add(PlanRevision revision);

    /** Every revision of the village's plan, newest first. */
    List<PlanRevision> revisions(String villageCode);
}
