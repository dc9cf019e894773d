package io.cunjian.workorders.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff found on site; no body (or no quantity) verifies the whole claimed quantity. */
public record Verify(
        @DecimalMin("0") @Digits(integer = 12, fraction = 3)
        @Schema(description = "the quantity found on site, in the order's unit: at most the reported actual quantity; "
                + "the reported one when absent") BigDecimal quantity,
        @Size(max = 2000)
        @Schema(description = "why less than reported was verified; required when quantity is lower") String reason) {
}
