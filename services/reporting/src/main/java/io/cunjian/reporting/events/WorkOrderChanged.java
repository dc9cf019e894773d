package io.cunjian.reporting.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Any v1 work-order event (created, issued, assigned, started, completed, rejected, verified,
 * corrected, cancelled): each carries the order's state after the change, plus the fields of its
 * own step, which are absent (null) on the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderChanged(String orderId, String villageCode, String categoryCode, String unit,
        BigDecimal plannedQuantity, WorkOrderStatus status, WorkOrderStatus previousStatus, String by, long version,
        String title, LocalDate dueDate, String priority, String contractorId, BigDecimal actualQuantity,
        OffsetDateTime completedAt, Integer photoCount, BigDecimal verifiedQuantity, BigDecimal previousQuantity,
        BigDecimal newQuantity, String reason) {
}
