package io.cunjian.camerainventory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneKind;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;

/** A zone to define in a village (POST /api/v1/zones). */
public record DefineZone(
        @NotBlank @Size(max = Bounds.REGION_CODE) @Pattern(regexp = RegionCode.VILLAGE_PATTERN) @Schema(description = "12-digit village code", examples = "220382201201") String villageCode,
        @NotBlank @Size(max = 100) String name, @NotNull ZoneKind kind, @Valid Views.Point centre) {

    Zone.Details details() {
        return new ZoneDetails(name, kind, centre).toDomain();
    }
}
