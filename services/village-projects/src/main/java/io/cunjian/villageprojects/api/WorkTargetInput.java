package io.cunjian.villageprojects.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A quantity to reach, in the category's unit, under a WORK_QUANTITY item that counts the category's group.")
public record WorkTargetInput(@NotBlank @Size(max = 50) @Schema(examples = "street-lighting") String itemCode,
        @NotBlank @Size(max = 50) @Schema(examples = "street-lamp-repair") String categoryCode,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2)
        @Schema(examples = "80") BigDecimal quantity) {
}
