package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;
import io.cunjian.chassis.security.Role;

/**
 * Work-order use cases. Each change loads the order locked (so two commands on one order run one after
 * the other and the second sees the first's state), checks the caller, then the version the change was
 * made against when one is named, lets the order decide, and stores it with its history row and its outbox
 * row in one transaction (outbox key: the village code; each order's events keep their commit order).
 */
@ApplicationScoped
public class WorkOrderService {

    /** How far ahead of this server's clock a phone's clock may be when it reports a completion. */
    private static final long CLOCK_SKEW_MINUTES = 5;

    @Inject
    WorkOrders orders;
    @Inject
    Photos photos;
    @Inject
    Contractors contractors;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;
    @Inject
    Outbox outbox;

    /**
     * A new draft order in a village and category this service has seen on village.events. One it has not seen
     * is a retryable problem while its replica is still reading, and a 422 once it has read everything (ADR 0028).
     */
    @Transactional
    public WorkOrder create(Caller caller, String villageCode, String categoryCode, String requestedUnit,
            WorkOrder.Details details) {
        return createOne(caller, UUID.randomUUID(), villageCode, categoryCode, requestedUnit, details);
    }

    /**
     * {@link #create} with the order's id given, in the caller's transaction (an import's, ADR 0037, which creates
     * all its rows' orders or none): the same checks, the same event.
     */
    public WorkOrder createOne(Caller caller, UUID id, String villageCode, String categoryCode, String requestedUnit,
            WorkOrder.Details details) {
        caller.require(Policies.MANAGE_IN_REGION, villageCode);
        WorkOrder.requireWholePosition(details.location());
        villages.requireVillage("villageCode", villageCode);
        CategoryReplica.Unit category = categories.require("categoryCode", categoryCode);
        WorkOrder.Changed created = WorkOrder.create(id, villageCode, categoryCode, category.unit(),
                category.unitZh(), requestedUnit, details);
        orders.add(created.order(), transition(created, caller));
        return withEvent(created, caller);
    }

    @Transactional
    public WorkOrder issue(UUID orderId, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.manage(caller, order);
        check(expected, order);
        return changed(order.issue(), caller);
    }

    /** Only an active contractor takes an order. */
    @Transactional
    public WorkOrder assign(UUID orderId, String contractorId, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.manage(caller, order);
        check(expected, order);
        boolean active = contractors.find(contractorId).filter(c -> c.details().active()).isPresent();
        return changed(order.assign(contractorId, active), caller);
    }

    @Transactional
    public WorkOrder start(UUID orderId, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.doTheWork(caller, order);
        check(expected, order);
        return changed(order.start(), caller);
    }

    /**
     * The assigned contractor reports the work done. A completion without a time was finished now; one
     * finished in the future is refused before anything else. Every photo it names must have been uploaded
     * to this order (checked only when the order is in progress: otherwise its state is the answer).
     */
    @Transactional
    public WorkOrder complete(UUID orderId, WorkOrder.Completion reported, Caller caller, ExpectedVersion expected) {
        OffsetDateTime now = now();
        OffsetDateTime completedAt = reported.completedAt() == null ? now : reported.completedAt();
        if (completedAt.isAfter(now.plusMinutes(CLOCK_SKEW_MINUTES))) {
            throw new InvalidInput("completedAt", "problem.work-order.completed-at.future");
        }
        WorkOrder.Completion completion = new WorkOrder.Completion(reported.actualQuantity(), completedAt,
                reported.notes(), reported.photoIds());
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.doTheWork(caller, order);
        if (order.status() == WorkOrderStatus.IN_PROGRESS && !photos.allBelongTo(orderId, completion.photoIds())) {
            throw new InvalidInput("photoIds", "problem.work-order.photo.unknown");
        }
        check(expected, order);
        WorkOrder.Changed completed = order.complete(completion);
        orders.update(completed.order(), now());
        orders.replaceCompletionPhotos(orderId, completed.order().completion().photoIds());
        return published(completed, caller);
    }

    /** Staff accept the completion: its actual quantity counts from now on. */
    @Transactional
    public WorkOrder verify(UUID orderId, BigDecimal quantity, String reason, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.manage(caller, order);
        check(expected, order);
        return changed(order.verify(quantity, reason, caller.subject(), now()), caller);
    }

    @Transactional
    public WorkOrder reject(UUID orderId, String reason, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.manage(caller, order);
        check(expected, order);
        return changed(order.reject(reason), caller);
    }

    @Transactional
    public WorkOrder cancel(UUID orderId, String reason, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.manage(caller, order);
        check(expected, order);
        return changed(order.cancel(reason), caller);
    }

    /** A district admin fixes a verified quantity, with a reason. */
    @Transactional
    public WorkOrder correct(UUID orderId, BigDecimal quantity, String reason, Caller caller, ExpectedVersion expected) {
        WorkOrder order = forChange(orderId);
        WorkOrderAccess.correct(caller, order);
        check(expected, order);
        return changed(order.correct(quantity, reason, caller.subject(), now()), caller);
    }

    @Transactional
    public WorkOrder find(UUID orderId, Caller caller) {
        WorkOrder order = orders.find(orderId).orElseThrow(() -> notFound(orderId));
        WorkOrderAccess.see(caller, order);
        return order;
    }

    /** Every change of the order, oldest first. */
    @Transactional
    public List<WorkOrders.Transition> history(UUID orderId, Caller caller) {
        find(orderId, caller);
        return orders.history(orderId);
    }

    /**
     * The orders a caller may see that match: staff and viewers those in their regions (well-formed grants
     * only: an odd one must never match everything), a contractor its own company's (none when its token
     * names no company). Lists leave out the completion's photo ids ({@link #find} has them).
     */
    @Transactional
    public Results<WorkOrder> search(Caller caller, WorkOrderCriteria criteria, int page, int size) {
        List<String> visible = List.of();
        String onlyContractor = null;
        if (caller.hasRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER)) {
            visible = RegionScope.readable(caller, null);
        } else if (caller.hasRole(Role.CONTRACTOR)) {
            onlyContractor = caller.contractorId().orElse("-");
        } else {
            caller.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER, Role.CONTRACTOR);
        }
        var search = new WorkOrders.Search(visible, onlyContractor, criteria, today());
        return new Results<>(orders.search(search, page, size), orders.count(search));
    }

    /** The day in China by which due dates are judged. */
    public static LocalDate today() {
        return LocalDate.now(ChinaTime.ZONE);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    WorkOrder forChange(UUID orderId) {
        return orders.findForChange(orderId).orElseThrow(() -> notFound(orderId));
    }

    static NotFound notFound(UUID orderId) {
        return new NotFound("problem.work-order.not-found", orderId.toString());
    }

    /** A version is checked only when the caller names one: work-order commands accept none (last one wins). */
    private static void check(ExpectedVersion expected, WorkOrder order) {
        if (!expected.isNone()) {
            expected.check(order.version());
        }
    }

    private WorkOrder changed(WorkOrder.Changed changed, Caller caller) {
        orders.update(changed.order(), now());
        return published(changed, caller);
    }

    /** The history row and the event of a change, in the transaction that stored it. */
    private WorkOrder published(WorkOrder.Changed changed, Caller caller) {
        orders.record(changed.order().id(), transition(changed, caller));
        return withEvent(changed, caller);
    }

    private static WorkOrders.Transition transition(WorkOrder.Changed changed, Caller caller) {
        WorkOrder.Change change = changed.change();
        return new WorkOrders.Transition(now(), caller.subject(), change.from(), change.to(), change.eventType(),
                change.note(), change.previousQuantity(), change.newQuantity());
    }

    private WorkOrder withEvent(WorkOrder.Changed changed, Caller caller) {
        WorkOrder order = changed.order();
        // Keyed by village (one partition, so a village's facts reach a consumer together), ordered per order:
        // creates and changes of different orders in one village commit side by side (docs/design.md, "Delivery guarantees").
        outbox.publish(new OutgoingEvent(TopicNames.WORK_ORDER, order.villageCode(), changed.change().eventType(),
                order.villageCode(), order.event(changed.change(), caller.subject())).ofEntity("work-order:" + order.id()));
        return order;
    }
}
