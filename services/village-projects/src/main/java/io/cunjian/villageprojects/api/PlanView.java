package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanRevision;

public record PlanView(String villageCode, String standardId, LocalDate deadline,
        List<CreationPlan.WorkTarget> workTargets, List<CreationPlan.CoverageTarget> coverageTargets, int revision,
        String changedBy, OffsetDateTime changedAt, String note) {
    static PlanView of(PlanRevision r) {
        CreationPlan p = r.plan();
        return new PlanView(p.villageCode(), p.content().standardId(), p.content().deadline(),
                p.content().workTargets(), p.content().coverageTargets(), p.revision(), r.changedBy(), r.changedAt(),
                r.note());
    }
}
