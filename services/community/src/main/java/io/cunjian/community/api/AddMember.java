package io.cunjian.community.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.community.domain.Relation;

/** A member to record in a household (POST /api/v1/households/{id}/members). */
public record AddMember(@NotBlank @Size(max = 50) String name, @NotNull Relation relation,
        @NotNull @Schema(description = "must be true: children under 14 are not recorded (ADR 0038)") Boolean aged14OrOver) {
}
