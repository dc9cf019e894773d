package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.cunjian.workorders.domain.Quantities;
import io.cunjian.workorders.domain.WorkOrderStatus;
import io.cunjian.workorders.domain.WorkOrders;

public record TransitionView(OffsetDateTime at, String by, WorkOrderStatus from, WorkOrderStatus to, String eventType,
        String note, BigDecimal previousQuantity, BigDecimal newQuantity) {

    static TransitionView of(WorkOrders.Transition t) {
        return new TransitionView(ChinaTimes.shown(t.at()), t.by(), t.from(), t.to(), t.eventType(), t.note(),
                Quantities.normalize(t.previousQuantity()), Quantities.normalize(t.newQuantity()));
    }
}
