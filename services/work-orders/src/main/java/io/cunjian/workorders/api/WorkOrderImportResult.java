package io.cunjian.workorders.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;

/** A work-order import's answer: the orders it created and those an earlier import of the same rows had created. */
public record WorkOrderImportResult(
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "orders created by this import") int created,
        @Min(0) @Max(Bounds.IMPORT_ROWS) @Schema(description = "rows whose order an earlier import created: left as they are") int unchanged,
        @Size(max = Bounds.IMPORT_ROWS) @Schema(description = "the created orders' ids, in the file's order") List<UUID> createdIds,
        @Size(max = Bounds.IMPORT_ROWS) @Schema(description = "the ids of the orders already there, in the file's order") List<UUID> unchangedIds) {
}
