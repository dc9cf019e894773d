package io.cunjian.community.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;

/** A household to register with its 户主 (POST /api/v1/households): nothing more is collected (ADR 0038). */
public record RegisterHousehold(
        @NotBlank @Size(max = Bounds.REGION_CODE) @Pattern(regexp = RegionCode.VILLAGE_PATTERN) @Schema(description = "12-digit village code", examples = "220303100201") String villageCode,
        @NotBlank @Size(max = 100) @Schema(description = "house number or address in the village", examples = "永加社区 3 组 12 号") String address,
        @Min(1) @Max(50) @Schema(description = "people living in the household, children included") int size,
        @NotBlank @Size(max = 50) @Schema(description = "the 户主's name") String headName) {
}
