package io.cunjian.villageprojects.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;

/** A village import's answer: what each row did. */
public record VillageImportResult(
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "villages registered") int registered,
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "registered villages whose details the row changed") int updated,
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "registered villages the row left as they were") int unchanged) {
}
