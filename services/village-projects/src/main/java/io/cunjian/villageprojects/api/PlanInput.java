package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.CreationPlan;

public record PlanInput(@NotBlank @Size(max = 50) @Schema(examples = "jilin-illustrative-v1") String standardId,
        @Schema(description = "date the village should meet the standard by") LocalDate deadline,
        @Size(max = 200) List<@NotNull @Valid WorkTargetInput> workTargets,
        @Size(max = 20) List<@NotNull @Valid CoverageTargetInput> coverageTargets,
        @Size(max = 500) @Schema(description = "why the plan changes (kept with the revision)") String note) {

    CreationPlan.Content toDomain() {
        return new CreationPlan.Content(standardId, deadline,
                workTargets == null ? List.of() : workTargets.stream()
                        .map(t -> new CreationPlan.WorkTarget(t.itemCode(), t.categoryCode(), t.quantity())).toList(),
                coverageTargets == null ? List.of() : coverageTargets.stream()
                        .map(t -> new CreationPlan.CoverageTarget(t.itemCode(), t.requiredCoveragePercent(),
                                t.minimumOperationalCameras())).toList());
    }
}
