package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;

/** A plan import's answer: how many villages' plans it set and how many were already as the file says. */
public record PlanImportResult(
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "plans set: a village's first plan or a new revision") int set,
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "plans already as the file says: no revision, no event") int unchanged) {
}
