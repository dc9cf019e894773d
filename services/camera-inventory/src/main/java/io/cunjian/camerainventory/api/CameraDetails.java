package io.cunjian.camerainventory.api;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Camera;

@Schema(description = "A camera's details: everything but its serial, village and lifecycle")
public record CameraDetails(
        @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "the coverage zone it watches; a zone of its village") Long zoneId,
        @NotBlank @Size(max = 100) @Schema(examples = "DS-2CD3T46WDV3-I3") String model,
        @NotBlank @Size(max = 100) @Schema(examples = "海康威视") String vendor,
        @NotNull @Valid Views.Point position,
        @Schema(description = "installation date; null when not installed yet") LocalDate installedOn,
        @Size(max = 100) @Schema(description = "who installed it (company or person)") String installer) {

    Camera.Details toDomain() {
        return new Camera.Details(model, vendor, zoneId, position.toDomain(), installedOn, installer);
    }
}
