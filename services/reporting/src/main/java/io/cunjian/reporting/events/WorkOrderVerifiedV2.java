package io.cunjian.reporting.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code cunjian.workorder.verified.v2}: as v1, with the quantity the district accepted named
 * {@code acceptedQuantity} (v1: {@code verifiedQuantity}). Reporting reads both versions into one meaning.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderVerifiedV2(String orderId, String villageCode, String categoryCode, String unit,
        BigDecimal plannedQuantity, WorkOrderStatus status, WorkOrderStatus previousStatus, String by, long version,
        String contractorId, BigDecimal actualQuantity, BigDecimal acceptedQuantity) {
}
