package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.workorders.domain.Priority;
import io.cunjian.workorders.domain.WorkOrder;

public record CreateWorkOrder(
        @NotBlank @Size(max = Bounds.REGION_CODE) @Pattern(regexp = RegionCode.VILLAGE_PATTERN_ANCHORED) @Schema(description = "12-digit village code", examples = "220382201201") String villageCode,
        @NotBlank @Size(max = Bounds.CATEGORY_CODE) @Schema(description = "work category code (village-projects' catalogue)", examples = "street-lamp-repair") String categoryCode,
        @Size(max = Bounds.UNIT) @Schema(description = "optional check: the category's unit (code or Chinese, e.g. LAMP or 盏); another unit is refused", examples = "LAMP") String unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3)
        @Schema(description = "planned quantity in the category's unit, positive, at most 3 decimals", examples = "80") BigDecimal plannedQuantity,
        @NotBlank @Size(max = 200) @Schema(examples = "国道沿线路灯维修") String title,
        @Size(max = 4000) String description,
        @Valid LocationInput location,
        @Schema(description = "due date (Asia/Shanghai calendar day)", examples = "2026-06-30") LocalDate dueDate,
        @Schema(description = "NORMAL unless given") Priority priority) {

    WorkOrder.Details details() {
        return new WorkOrder.Details(title, Inputs.strippedOrNull(description),
                location == null ? null : location.toDomain(), plannedQuantity, dueDate, priority);
    }
}
