package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.workorders.events.WorkOrderEvents;

/**
 * A work order and its lifecycle (docs/design.md, "Boundaries and ownership"): {@code DRAFT → ISSUED → ASSIGNED → IN_PROGRESS →
 * COMPLETED → VERIFIED}, {@code COMPLETED → REJECTED → IN_PROGRESS}, {@code CANCELLED} from any state
 * but VERIFIED and CANCELLED, and corrections of a verified quantity. Each command returns the order
 * after it with the change it made (which names its event), or throws the rule it breaks. Who may call
 * which command is {@link WorkOrderService}'s business; what may happen in which state is decided here only.
 */
public record WorkOrder(UUID id, String villageCode, String categoryCode, String unit, Details details,
        WorkOrderStatus status, String contractorId, Completion completion, Verification verification, long version) {

    /** Where the work is: a description, and a position when known (WGS-84 degrees). */
    public record Location(String text, BigDecimal latitude, BigDecimal longitude) {
    }

    public record Details(String title, String description, Location location, BigDecimal plannedQuantity,
            LocalDate dueDate, Priority priority) {
        public Details {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(plannedQuantity, "plannedQuantity");
            title = title.strip();
            priority = priority == null ? Priority.NORMAL : priority;
        }
    }

    /** What the contractor reports: the quantity actually built (in the unit), when, notes and photos. */
    public record Completion(BigDecimal actualQuantity, OffsetDateTime completedAt, String notes, List<UUID> photoIds) {
        public Completion {
            photoIds = photoIds == null ? List.of() : photoIds.stream().distinct().toList(); // a photo counts once
        }
    }

    /** The quantity that counts (the actual one when verified, a corrected one later), who set it and when. */
    public record Verification(BigDecimal quantity, String by, OffsetDateTime at) {
    }

    /**
     * One change of the order: the event type it publishes, the states before and after (equal for a
     * correction), a note (reason) and, for corrections, the quantities before and after.
     */
    public record Change(String eventType, WorkOrderStatus from, WorkOrderStatus to, String note,
            BigDecimal previousQuantity, BigDecimal newQuantity) {
    }

    /** What a command did: the order after it, and the change it made (which names the event to publish). */
    public record Changed(WorkOrder order, Change change) {
    }

    /** Statuses after which nothing but a correction happens. */
    private static final Set<WorkOrderStatus> FINAL = EnumSet.of(WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED);

    /**
     * A new order, as a draft, in its category's unit. A request may name the unit (as a check, the
     * code or the Chinese name, e.g. LAMP or 盏); another one than the category's is refused on field
     * {@code unit}, and the answer names the category's unit ({@code categoryUnit}).
     */
    public static Changed create(UUID id, String villageCode, String categoryCode, String unit, String unitZh,
            String requestedUnit, Details details) {
        if (requestedUnit != null && !requestedUnit.strip().equals(unit) && !requestedUnit.strip().equals(unitZh)) {
            throw new InvalidInput("unit", "problem.work-order.unit.mismatch").with("categoryUnit", unit);
        }
        if (details.plannedQuantity().signum() <= 0) {
            throw negativeQuantity("plannedQuantity");
        }
        WorkOrder order = new WorkOrder(id, villageCode, categoryCode, unit, details, WorkOrderStatus.DRAFT, null, null,
                null, 0);
        return new Changed(order, new Change(WorkOrderEvents.CREATED, null, WorkOrderStatus.DRAFT, null, null, null));
    }

    /** A position is both coordinates or neither: half a position places the work nowhere. */
    public static void requireWholePosition(Location location) {
        if (location != null && (location.latitude() == null) != (location.longitude() == null)) {
            throw new InvalidInput(location.latitude() == null ? "location.latitude" : "location.longitude",
                    "problem.work-order.position.incomplete");
        }
    }

    public Changed issue() {
        requireStatus("issue", WorkOrderStatus.DRAFT);
        return changed(next(WorkOrderStatus.ISSUED, contractorId, completion, verification), WorkOrderEvents.ISSUED, null);
    }

    /** Assigns the order to an active contractor. */
    public Changed assign(String contractor, boolean contractorActive) {
        requireStatus("assign", WorkOrderStatus.ISSUED);
        if (!contractorActive) {
            throw new InvalidInput("contractorId", "problem.work-order.contractor.not-active");
        }
        return changed(next(WorkOrderStatus.ASSIGNED, contractor, completion, verification), WorkOrderEvents.ASSIGNED, null);
    }

    /** The contractor starts the work, or resumes it after a rejection. */
    public Changed start() {
        requireStatus("start", WorkOrderStatus.ASSIGNED, WorkOrderStatus.REJECTED);
        return changed(next(WorkOrderStatus.IN_PROGRESS, contractorId, completion, verification), WorkOrderEvents.STARTED,
                null);
    }

    public Changed complete(Completion reported) {
        requireStatus("complete", WorkOrderStatus.IN_PROGRESS);
        if (reported.actualQuantity().signum() < 0) {
            throw negativeQuantity("actualQuantity");
        }
        if (reported.photoIds().isEmpty()) {
            throw new InvalidInput("photoIds", "problem.work-order.photo.required");
        }
        return changed(next(WorkOrderStatus.COMPLETED, contractorId, reported, verification), WorkOrderEvents.COMPLETED,
                reported.notes());
    }

    /**
     * Staff accept the completion: the quantity they found (the claimed one when they name none, never
     * more than it) is what counts from now on. Less than claimed needs a reason: it is what the
     * contractor is told and what an auditor reads in the history and the event.
     */
    public Changed verify(BigDecimal quantity, String reason, String by, OffsetDateTime at) {
        requireStatus("verify", WorkOrderStatus.COMPLETED);
        BigDecimal claimed = completion.actualQuantity();
        BigDecimal found = quantity == null ? claimed : quantity;
        if (found.signum() < 0) {
            throw negativeQuantity("quantity");
        }
        if (found.compareTo(claimed) > 0) {
            throw new InvalidInput("quantity", "problem.work-order.quantity.above-claim")
                    .with("claimedQuantity", Quantities.normalize(claimed));
        }
        if (found.compareTo(claimed) < 0 && blank(reason)) {
            throw reasonRequired();
        }
        Verification v = new Verification(found, by, at);
        return changed(next(WorkOrderStatus.VERIFIED, contractorId, completion, v), WorkOrderEvents.VERIFIED,
                blank(reason) ? null : reason.strip());
    }

    /** Staff send the completion back; the contractor starts again. */
    public Changed reject(String reason) {
        requireStatus("reject", WorkOrderStatus.COMPLETED);
        if (blank(reason)) {
            throw reasonRequired();
        }
        return changed(next(WorkOrderStatus.REJECTED, contractorId, completion, verification), WorkOrderEvents.REJECTED,
                reason.strip());
    }

    public Changed cancel(String reason) {
        if (FINAL.contains(status)) {
            throw illegal("cancel");
        }
        return changed(next(WorkOrderStatus.CANCELLED, contractorId, completion, verification), WorkOrderEvents.CANCELLED,
                blank(reason) ? null : reason.strip());
    }

    /** A district admin fixes a verified quantity; the order stays verified, the change is its own fact. */
    public Changed correct(BigDecimal quantity, String reason, String by, OffsetDateTime at) {
        requireStatus("correct", WorkOrderStatus.VERIFIED);
        if (quantity.signum() < 0) {
            throw negativeQuantity("quantity");
        }
        if (blank(reason)) {
            throw reasonRequired();
        }
        if (quantity.compareTo(verification.quantity()) == 0) {
            throw new InvalidInput("quantity", "problem.work-order.quantity.unchanged");
        }
        WorkOrder corrected = next(WorkOrderStatus.VERIFIED, contractorId, completion, new Verification(quantity, by, at));
        return new Changed(corrected, new Change(WorkOrderEvents.CORRECTED, status, status, reason.strip(),
                verification.quantity(), quantity));
    }

    /** Past its due date (a day in China) with the work still to be done. */
    public boolean isOverdue(LocalDate today) {
        return details.dueDate() != null && details.dueDate().isBefore(today) && status.isOpen();
    }

    /** The event data of a change this order (after the change) made, by {@code by}. */
    public WorkOrderEvents.Data event(Change change, String by) {
        boolean created = WorkOrderEvents.CREATED.equals(change.eventType());
        boolean completed = WorkOrderEvents.COMPLETED.equals(change.eventType());
        boolean corrected = WorkOrderEvents.CORRECTED.equals(change.eventType());
        boolean reasoned = WorkOrderEvents.REJECTED.equals(change.eventType())
                || WorkOrderEvents.CANCELLED.equals(change.eventType()) || corrected
                || WorkOrderEvents.VERIFIED.equals(change.eventType());
        return new WorkOrderEvents.Data(id.toString(), villageCode, categoryCode, unit,
                Quantities.normalize(details.plannedQuantity()), change.to().name(),
                change.from() == null ? null : change.from().name(), by, version,
                created ? details.title() : null,
                created && details.dueDate() != null ? details.dueDate().toString() : null,
                created ? details.priority().name() : null,
                contractorId,
                completion == null || !(completed || WorkOrderEvents.VERIFIED.equals(change.eventType())) ? null
                        : Quantities.normalize(completion.actualQuantity()),
                completed ? completion.completedAt().toString() : null,
                completed ? completion.photoIds().size() : null,
                verification == null || !(WorkOrderEvents.VERIFIED.equals(change.eventType()) || corrected) ? null
                        : Quantities.normalize(verification.quantity()),
                corrected ? Quantities.normalize(change.previousQuantity()) : null,
                corrected ? Quantities.normalize(change.newQuantity()) : null,
                reasoned ? change.note() : null);
    }

    private WorkOrder next(WorkOrderStatus to, String contractor, Completion c, Verification v) {
        return new WorkOrder(id, villageCode, categoryCode, unit, details, to, contractor, c, v, version + 1);
    }

    private Changed changed(WorkOrder next, String eventType, String note) {
        return new Changed(next, new Change(eventType, status, next.status(), note, null, null));
    }

    /** The command does not apply in the current state: 409 naming it. */
    private void requireStatus(String command, WorkOrderStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw illegal(command);
        }
    }

    private StateConflict illegal(String command) {
        return new StateConflict(status.name(), "problem.work-order.illegal-transition", command, status.name());
    }

    private static InvalidInput negativeQuantity(String field) {
        return new InvalidInput(field, "problem.work-order.quantity.invalid");
    }

    private static InvalidInput reasonRequired() {
        return new InvalidInput("reason", "problem.work-order.reason.required");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
