package io.cunjian.workorders.api;

import java.util.UUID;

import io.cunjian.chassis.problem.NotFoundProblem;

/** Order ids in paths: anything that is not an order id names no order (404, not 400). */
final class WorkOrderIds {

    private WorkOrderIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundProblem("problem.work-order.not-found", id);
        }
    }
}
