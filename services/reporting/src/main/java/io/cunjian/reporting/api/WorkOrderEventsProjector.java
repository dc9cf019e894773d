package io.cunjian.reporting.api;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.domain.Fact;
import io.cunjian.reporting.events.EventPayloads;
import io.cunjian.reporting.events.WorkOrderChanged;
import io.cunjian.reporting.events.WorkOrderVerifiedV2;

/**
 * workorder.events: every step of an order carries its state after the step. Verification (v1's
 * {@code verifiedQuantity}, v2's {@code acceptedQuantity}) and correction ({@code newQuantity}) state
 * the quantity that counts; the other steps leave it as it was.
 */
@ApplicationScoped
class WorkOrderEventsProjector implements EventProjector {

    @Override
    public String topic() {
        return TopicNames.WORK_ORDER;
    }

    @Override
    public Fact fact(IncomingEvent e) {
        return switch (e.type()) {
            case "cunjian.workorder.verified.v2" -> {
                WorkOrderVerifiedV2 v = EventPayloads.read(e.data(), WorkOrderVerifiedV2.class);
                yield new Fact.OrderChanged(v.orderId(), v.villageCode(), v.categoryCode(), v.unit(), v.status(),
                        v.plannedQuantity(), v.acceptedQuantity(), null, v.version());
            }
            case "cunjian.workorder.created.v1", "cunjian.workorder.issued.v1", "cunjian.workorder.assigned.v1",
                    "cunjian.workorder.started.v1", "cunjian.workorder.completed.v1", "cunjian.workorder.rejected.v1",
                    "cunjian.workorder.verified.v1", "cunjian.workorder.corrected.v1", "cunjian.workorder.cancelled.v1" -> {
                WorkOrderChanged o = EventPayloads.read(e.data(), WorkOrderChanged.class);
                yield new Fact.OrderChanged(o.orderId(), o.villageCode(), o.categoryCode(), o.unit(), o.status(),
                        o.plannedQuantity(), switch (e.type()) {
                            case "cunjian.workorder.verified.v1" -> o.verifiedQuantity();
                            case "cunjian.workorder.corrected.v1" -> o.newQuantity();
                            default -> null;
                        }, o.dueDate(), o.version());
            }
            default -> null;
        };
    }
}
