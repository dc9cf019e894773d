package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.workorders.domain.WorkOrder;

public record Complete(
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3)
        @Schema(description = "quantity actually built, in the order's unit", examples = "80") BigDecimal actualQuantity,
        @Schema(description = "when the work was finished; now when absent; not in the future") OffsetDateTime completedAt,
        @Size(max = 2000) String notes,
        @NotEmpty @Size(max = 20) @Schema(description = "ids of the photos uploaded to this order as evidence (at least one)")
        List<@NotNull UUID> photoIds) {

    /** The completion as reported; without a time it is timed by the use case. */
    WorkOrder.Completion toDomain() {
        return new WorkOrder.Completion(actualQuantity, completedAt, Inputs.strippedOrNull(notes), photoIds);
    }
}
