package io.cunjian.workorders.domain;

import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Decision;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.Policy;

/**
 * Who may do what to a work order. Staff, viewers of the order's region and the assigned contractor see
 * it; any other contractor is told it does not exist (404), so order ids reveal nothing.
 */
final class WorkOrderAccess {

    /** Only the contractor an order is assigned to starts it, completes it and adds photos to it. */
    static final Policy<WorkOrder> ASSIGNED_CONTRACTOR = Policy.named("assigned-contractor",
            (caller, order) -> caller.contractorOwns(order.contractorId()) ? Decision.ALLOW : Decision.FORBIDDEN);

    private WorkOrderAccess() {
    }

    static void see(Caller caller, WorkOrder order) {
        caller.require(Policies.SEE_ASSIGNED_WORK, new Policies.Assigned(order.villageCode(), order.contractorId()));
    }

    /** Staff of the order's region issue, assign, verify, reject and cancel it. */
    static void manage(Caller caller, WorkOrder order) {
        see(caller, order);
        caller.require(Policies.MANAGE_IN_REGION, order.villageCode());
    }

    static void doTheWork(Caller caller, WorkOrder order) {
        see(caller, order);
        caller.require(ASSIGNED_CONTRACTOR, order);
    }

    /** Only a district admin corrects a verified quantity. */
    static void correct(Caller caller, WorkOrder order) {
        see(caller, order);
        caller.require(Policies.ADMINISTER_IN_REGION, order.villageCode());
    }
}
