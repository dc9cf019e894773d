package io.cunjian.workorders.domain;

import java.time.LocalDate;

/**
 * What a user filters the order list by; null means "any". {@code overdue}: true for orders past their
 * due date with the work still to be done, false for all others.
 */
public record WorkOrderCriteria(String region, String village, WorkOrderStatus status, String category,
        String contractor, LocalDate dueFrom, LocalDate dueTo, Boolean overdue) {
}
