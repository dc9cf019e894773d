package io.cunjian.reporting.events;

/**
 * A work order's status as the work-order events state it (their {@code status} and
 * {@code previousStatus}). Whether an order is still open — counted as overdue once its due date has
 * passed — is said here, next to the statuses, so that a status added to the contract must be classified.
 */
public enum WorkOrderStatus {
    DRAFT(true), ISSUED(true), ASSIGNED(true), IN_PROGRESS(true), REJECTED(true),
    COMPLETED(false), VERIFIED(false), CANCELLED(false);

    private final boolean open;

    WorkOrderStatus(boolean open) {
        this.open = open;
    }

    /** Work still to be done or accepted: not completed, verified or cancelled. */
    public boolean isOpen() {
        return open;
    }
}
