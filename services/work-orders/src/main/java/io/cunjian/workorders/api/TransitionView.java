package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.workorders.domain.Quantities;
import io.cunjian.workorders.domain.WorkOrderStatus;
import io.cunjian.workorders.domain.WorkOrders;

public record TransitionView(OffsetDateTime at, @Size(max = Bounds.ACTOR) String by, WorkOrderStatus from, WorkOrderStatus to,
        @Size(max = 64) String eventType, @Size(max = 2000) String note, BigDecimal previousQuantity, BigDecimal newQuantity) {

    static TransitionView of(WorkOrders.Transition t) {
        return new TransitionView(ChinaTimes.shown(t.at()), t.by(), t.from(), t.to(), t.eventType(), t.note(),
                Quantities.normalize(t.previousQuantity()), Quantities.normalize(t.newQuantity()));
    }
}
