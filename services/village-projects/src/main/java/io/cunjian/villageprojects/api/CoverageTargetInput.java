package io.cunjian.villageprojects.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.villageprojects.domain.CreationPlan;

@Schema(description = "Coverage required under a CAMERA_COVERAGE item; items without one get 100 % and no camera minimum.")
public record CoverageTargetInput(@NotBlank @Size(max = 50) @Schema(examples = "camera-coverage") String itemCode,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2)
        @Schema(description = "percent of the village's zones, (0, 100]; default 100", examples = "100") BigDecimal requiredCoveragePercent,
        @Min(1) @Max(CreationPlan.MAX_CAMERAS)
        @Schema(description = "optional minimum number of operational cameras", examples = "12") Integer minimumOperationalCameras) {
}
