package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanRevision;

public record PlanView(@Size(max = Bounds.REGION_CODE) String villageCode, @Size(max = 50) String standardId, LocalDate deadline,
        @Size(max = 200) List<CreationPlan.WorkTarget> workTargets, @Size(max = 20) List<CreationPlan.CoverageTarget> coverageTargets,
        @Min(1) @Max(Integer.MAX_VALUE) int revision, @Size(max = 200) String changedBy, OffsetDateTime changedAt,
        @Size(max = 500) String note) {
    static PlanView of(PlanRevision r) {
        CreationPlan p = r.plan();
        return new PlanView(p.villageCode(), p.content().standardId(), p.content().deadline(),
                p.content().workTargets(), p.content().coverageTargets(), p.revision(), r.changedBy(), r.changedAt(),
                r.note());
    }
}
