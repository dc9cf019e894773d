package io.cunjian.workorders.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Correction(
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3)
        @Schema(description = "the right quantity, in the order's unit") BigDecimal quantity,
        @NotBlank @Size(max = 2000) String reason) {
}
