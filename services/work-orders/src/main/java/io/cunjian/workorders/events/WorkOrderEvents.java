package io.cunjian.workorders.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The facts about work orders, as published on workorder.events under the order's village code
 * (schemas in api-specs/events). Every type carries the order's id, village, category, unit and
 * planned quantity, so a consumer (reporting) needs no earlier event and no look-up.
 */
public final class WorkOrderEvents {

    public static final String CREATED = "cunjian.workorder.created.v1";
    public static final String ISSUED = "cunjian.workorder.issued.v1";
    public static final String ASSIGNED = "cunjian.workorder.assigned.v1";
    public static final String STARTED = "cunjian.workorder.started.v1";
    public static final String COMPLETED = "cunjian.workorder.completed.v1";
    public static final String VERIFIED = "cunjian.workorder.verified.v1";
    public static final String REJECTED = "cunjian.workorder.rejected.v1";
    public static final String CANCELLED = "cunjian.workorder.cancelled.v1";
    public static final String CORRECTED = "cunjian.workorder.corrected.v1";

    private WorkOrderEvents() {
    }

    /**
     * One shape for all types; each type's schema says which of the optional members it carries.
     * {@code by} is the token subject of whoever made the change; {@code version} the order's
     * version after it (increasing per order).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String orderId, String villageCode, String categoryCode, String unit, BigDecimal plannedQuantity,
            String status, String previousStatus, String by, long version,
            String title, String dueDate, String priority,
            String contractorId,
            BigDecimal actualQuantity, String completedAt, Integer photoCount,
            BigDecimal verifiedQuantity, BigDecimal previousQuantity, BigDecimal newQuantity,
            String reason) {
    }
}
