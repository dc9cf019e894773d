package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.workorders.domain.Priority;
import io.cunjian.workorders.domain.Quantities;
import io.cunjian.workorders.domain.WorkOrder;
import io.cunjian.workorders.domain.WorkOrderService;
import io.cunjian.workorders.domain.WorkOrderStatus;

public record WorkOrderView(UUID id, @Size(max = Bounds.REGION_CODE) String villageCode,
        @Size(max = Bounds.CATEGORY_CODE) String categoryCode, @Size(max = Bounds.UNIT) String unit,
        @Size(max = 200) String title, @Size(max = 4000) String description, LocationView location,
        BigDecimal plannedQuantity, LocalDate dueDate, Priority priority, WorkOrderStatus status, boolean overdue,
        @Size(max = 18) String contractorId, CompletionView completion, VerificationView verification,
        @Min(0) @Max(Bounds.COUNT) long version) {

    static WorkOrderView of(WorkOrder o) {
        WorkOrder.Details d = o.details();
        WorkOrder.Completion c = o.completion();
        WorkOrder.Verification v = o.verification();
        return new WorkOrderView(o.id(), o.villageCode(), o.categoryCode(), o.unit(), d.title(), d.description(),
                d.location() == null ? null
                        : new LocationView(d.location().text(), d.location().latitude(), d.location().longitude()),
                Quantities.normalize(d.plannedQuantity()), d.dueDate(), d.priority(), o.status(),
                o.isOverdue(WorkOrderService.today()), o.contractorId(),
                // lists carry no photo ids: absent rather than an empty list that would say "no photos"
                c == null ? null
                        : new CompletionView(Quantities.normalize(c.actualQuantity()), ChinaTimes.shown(c.completedAt()),
                                c.notes(), c.photoIds().isEmpty() ? null : c.photoIds()),
                v == null ? null
                        : new VerificationView(Quantities.normalize(v.quantity()), v.by(), ChinaTimes.shown(v.at())),
                o.version());
    }
}
