package io.cunjian.workorders.domain;

/** docs/design.md: DRAFT → ISSUED → ASSIGNED → IN_PROGRESS → COMPLETED → VERIFIED; REJECTED → IN_PROGRESS; CANCELLED (not after VERIFIED). */
public enum WorkOrderStatus {
    DRAFT, ISSUED, ASSIGNED, IN_PROGRESS, COMPLETED, VERIFIED, REJECTED, CANCELLED
}
