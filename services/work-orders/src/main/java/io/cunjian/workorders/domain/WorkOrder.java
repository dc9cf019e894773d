package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A work order and its lifecycle (docs/design.md, "Boundaries and ownership"): {@code DRAFT → ISSUED → ASSIGNED → IN_PROGRESS →
 * COMPLETED → VERIFIED}, {@code COMPLETED → REJECTED → IN_PROGRESS}, {@code CANCELLED} from any state
 * but VERIFIED and CANCELLED, and corrections of a verified quantity. Each command returns the order
 * after it with the change it made (which names its event), or the rule it breaks. Who may call which
 * command is the API's business; what may happen in which state is decided here only.
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
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
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

    public sealed interface Rejection permits IllegalTransition, PhotoRequired, ReasonRequired, ContractorNotActive,
            NegativeQuantity, QuantityUnchanged, UnitMismatch {
    }

    /** The request named another unit than the category's. Field {@code unit}. */
    public record UnitMismatch(String requested, String categoryUnit) implements Rejection {
    }

    /** The command does not apply in the current state (409 naming it). */
    public record IllegalTransition(WorkOrderStatus current, String command) implements Rejection {
    }

    /** A completion names no photo. Field {@code photoIds}. */
    public record PhotoRequired() implements Rejection {
    }

    /** A rejection or correction without a reason. Field {@code reason}. */
    public record ReasonRequired() implements Rejection {
    }

    /** Assignment to a contractor that is unknown or inactive. Field {@code contractorId}. */
    public record ContractorNotActive(String contractorId) implements Rejection {
    }

    /** Field named by {@code field}. */
    public record NegativeQuantity(String field) implements Rejection {
    }

    /** A correction to the quantity that is already verified. Field {@code quantity}. */
    public record QuantityUnchanged(BigDecimal quantity) implements Rejection {
    }

    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(WorkOrder order, Change change) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    private static final Set<WorkOrderStatus> FINAL = EnumSet.of(WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED);

    /**
     * A new order, as a draft, in its category's unit. A request may name the unit (as a check, the
     * code or the Chinese name, e.g. LAMP or 盏); another one than the category's is refused.
     */
    public static Outcome create(UUID id, String villageCode, String categoryCode, String unit, String unitZh,
            String requestedUnit, Details details) {
        if (requestedUnit != null && !requestedUnit.strip().equals(unit) && !requestedUnit.strip().equals(unitZh)) {
            return new Rejected(new UnitMismatch(requestedUnit, unit));
        }
        if (details.plannedQuantity().signum() <= 0) {
            return new Rejected(new NegativeQuantity("plannedQuantity"));
        }
        WorkOrder order = new WorkOrder(id, villageCode, categoryCode, unit, details, WorkOrderStatus.DRAFT, null, null,
                null, 0);
        return new Accepted(order, new Change(WorkOrderEvents.CREATED, null, WorkOrderStatus.DRAFT, null, null, null));
    }

    public Outcome issue() {
        if (status != WorkOrderStatus.DRAFT) {
            return illegal("issue");
        }
        return accept(next(WorkOrderStatus.ISSUED, contractorId, completion, verification), WorkOrderEvents.ISSUED, null);
    }

    /** Assigns the order to an active contractor. */
    public Outcome assign(String contractor, boolean contractorActive) {
        if (status != WorkOrderStatus.ISSUED) {
            return illegal("assign");
        }
        if (!contractorActive) {
            return new Rejected(new ContractorNotActive(contractor));
        }
        return accept(next(WorkOrderStatus.ASSIGNED, contractor, completion, verification), WorkOrderEvents.ASSIGNED, null);
    }

    /** The contractor starts the work, or resumes it after a rejection. */
    public Outcome start() {
        if (status != WorkOrderStatus.ASSIGNED && status != WorkOrderStatus.REJECTED) {
            return illegal("start");
        }
        return accept(next(WorkOrderStatus.IN_PROGRESS, contractorId, completion, verification), WorkOrderEvents.STARTED, null);
    }

    public Outcome complete(Completion reported) {
        if (status != WorkOrderStatus.IN_PROGRESS) {
            return illegal("complete");
        }
        if (reported.actualQuantity().signum() < 0) {
            return new Rejected(new NegativeQuantity("actualQuantity"));
        }
        if (reported.photoIds().isEmpty()) {
            return new Rejected(new PhotoRequired());
        }
        return accept(next(WorkOrderStatus.COMPLETED, contractorId, reported, verification), WorkOrderEvents.COMPLETED,
                reported.notes());
    }

    /** Staff accept the completion: its actual quantity is what counts from now on. */
    public Outcome verify(String by, OffsetDateTime at) {
        if (status != WorkOrderStatus.COMPLETED) {
            return illegal("verify");
        }
        Verification v = new Verification(completion.actualQuantity(), by, at);
        return accept(next(WorkOrderStatus.VERIFIED, contractorId, completion, v), WorkOrderEvents.VERIFIED, null);
    }

    /** Staff send the completion back; the contractor starts again. */
    public Outcome reject(String reason) {
        if (status != WorkOrderStatus.COMPLETED) {
            return illegal("reject");
        }
        if (blank(reason)) {
            return new Rejected(new ReasonRequired());
        }
        return accept(next(WorkOrderStatus.REJECTED, contractorId, completion, verification), WorkOrderEvents.REJECTED,
                reason.strip());
    }

    public Outcome cancel(String reason) {
        if (FINAL.contains(status)) {
            return illegal("cancel");
        }
        return accept(next(WorkOrderStatus.CANCELLED, contractorId, completion, verification), WorkOrderEvents.CANCELLED,
                blank(reason) ? null : reason.strip());
    }

    /** A district admin fixes a verified quantity; the order stays verified, the change is its own fact. */
    public Outcome correct(BigDecimal quantity, String reason, String by, OffsetDateTime at) {
        if (status != WorkOrderStatus.VERIFIED) {
            return illegal("correct");
        }
        if (quantity.signum() < 0) {
            return new Rejected(new NegativeQuantity("quantity"));
        }
        if (blank(reason)) {
            return new Rejected(new ReasonRequired());
        }
        if (quantity.compareTo(verification.quantity()) == 0) {
            return new Rejected(new QuantityUnchanged(verification.quantity()));
        }
        WorkOrder corrected = next(WorkOrderStatus.VERIFIED, contractorId, completion, new Verification(quantity, by, at));
        return new Accepted(corrected, new Change(WorkOrderEvents.CORRECTED, status, status, reason.strip(),
                verification.quantity(), quantity));
    }

    /** The event data of a change this order (after the change) made, by {@code by}. */
    public WorkOrderEvents.Data event(Change change, String by) {
        boolean created = WorkOrderEvents.CREATED.equals(change.eventType());
        boolean completed = WorkOrderEvents.COMPLETED.equals(change.eventType());
        boolean corrected = WorkOrderEvents.CORRECTED.equals(change.eventType());
        boolean reasoned = WorkOrderEvents.REJECTED.equals(change.eventType())
                || WorkOrderEvents.CANCELLED.equals(change.eventType()) || corrected;
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

    private Outcome accept(WorkOrder next, String eventType, String note) {
        return new Accepted(next, new Change(eventType, status, next.status(), note, null, null));
    }

    private Outcome illegal(String command) {
        return new Rejected(new IllegalTransition(status, command));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
