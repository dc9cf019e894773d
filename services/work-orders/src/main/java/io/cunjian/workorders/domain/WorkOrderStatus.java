package io.cunjian.workorders.domain;

import java.util.EnumSet;
import java.util.Set;

/** docs/design.md: DRAFT → ISSUED → ASSIGNED → IN_PROGRESS → COMPLETED → VERIFIED; REJECTED → IN_PROGRESS; CANCELLED (not after VERIFIED). */
public enum WorkOrderStatus {
    DRAFT, ISSUED, ASSIGNED, IN_PROGRESS, COMPLETED, VERIFIED, REJECTED, CANCELLED;

    /** Work still to be done: an order past its due date in one of these is overdue. */
    private static final Set<WorkOrderStatus> OPEN = EnumSet.of(DRAFT, ISSUED, ASSIGNED, IN_PROGRESS, REJECTED);

    /** Whether the work is still to be done (not completed, verified or cancelled). */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The statuses of work still to be done, for queries. */
    public static Set<WorkOrderStatus> openStatuses() {
        return EnumSet.copyOf(OPEN);
    }
}
