package io.cunjian.community.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.community.domain.JointDefenceGroup;

/** A 十户联防 group to form (POST /api/v1/groups); its size is the configured policy's (default 5–15). */
public record FormGroup(
        @NotBlank @Size(max = Bounds.REGION_CODE) @Pattern(regexp = RegionCode.VILLAGE_PATTERN) @Schema(description = "12-digit village code", examples = "220303100201") String villageCode,
        @NotNull @Size(max = JointDefenceGroup.MOST_HOUSEHOLDS) @Schema(description = "the village's households, none in another group") List<@NotNull UUID> householdIds,
        @Schema(description = "the group's 户长, a person of the village (optional)") UUID leaderPersonId) {
}
