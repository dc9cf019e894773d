package io.cunjian.workorders.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.workorders.domain.WorkOrder;

public record LocationInput(@Size(max = 500) @Schema(examples = "102 国道永加段") String text,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude) {

    /** Null when nothing is given: a location of empty text and no position is no location. */
    WorkOrder.Location toDomain() {
        if (Inputs.blank(text) && latitude == null && longitude == null) {
            return null;
        }
        return new WorkOrder.Location(Inputs.strippedOrNull(text), latitude, longitude);
    }
}
