package io.cunjian.workorders.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.workorders.persistence.ContractorRepository;
import io.cunjian.workorders.persistence.PhotoRepository;
import io.cunjian.workorders.persistence.TransitionEntity;
import io.cunjian.workorders.persistence.TransitionRepository;
import io.cunjian.workorders.persistence.WorkOrderEntity;
import io.cunjian.workorders.persistence.WorkOrderRepository;

/**
 * Work-order use cases, each in one transaction with its history row and its outbox row (key: the
 * village code, so one village's facts keep their order). The order row is locked for the change, so
 * two commands on one order run one after the other and the second sees the first's state.
 */
@ApplicationScoped
public class WorkOrderService {

    @Inject
    WorkOrderRepository orders;
    @Inject
    TransitionRepository transitions;
    @Inject
    ContractorRepository contractors;
    @Inject
    PhotoRepository photos;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;
    @Inject
    Outbox outbox;

    /**
     * A new draft order in a village and category this service has seen on village.events; one it
     * has not seen (yet) is a retryable problem (the replica may lag a moment behind).
     */
    @Transactional
    public WorkOrder.Outcome create(String villageCode, String categoryCode, String requestedUnit, WorkOrder.Details details,
            String by) {
        villages.requireVillage(villageCode);
        CategoryReplica.ReplicaCategory category = categories.require(categoryCode);
        WorkOrder.Outcome outcome = WorkOrder.create(UUID.randomUUID(), villageCode, categoryCode, category.unit(),
                category.unitZh(), requestedUnit, details);
        if (outcome instanceof WorkOrder.Accepted accepted) {
            WorkOrder order = accepted.order();
            WorkOrderEntity e = new WorkOrderEntity();
            e.id = order.id();
            e.villageCode = order.villageCode();
            e.categoryCode = order.categoryCode();
            e.unit = order.unit();
            e.createdBy = by;
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            e.apply(order);
            orders.persist(e);
            orders.flush();
            record(accepted, by);
        }
        return outcome;
    }

    /**
     * Runs a command on an order: locks it, lets {@code guard} refuse the caller (it throws), checks
     * an {@code If-Match} when one is sent, and persists and publishes what the command accepted.
     * Empty when there is no such order.
     */
    @Transactional
    public Optional<WorkOrder.Outcome> act(UUID id, String ifMatch, Consumer<WorkOrder> guard,
            Function<WorkOrder, WorkOrder.Outcome> command, String by) {
        Optional<WorkOrderEntity> found = orders.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WorkOrderEntity e = found.get();
        WorkOrder current = e.toDomain(transitions.completionPhotos(id));
        guard.accept(current);
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireIfMatch(ifMatch, e.version);
        }
        WorkOrder.Outcome outcome = command.apply(current);
        if (outcome instanceof WorkOrder.Accepted accepted) {
            e.apply(accepted.order());
            e.updatedAt = now();
            if (WorkOrderEvents.COMPLETED.equals(accepted.change().eventType())) {
                transitions.replaceCompletionPhotos(id, accepted.order().completion().photoIds());
            }
            orders.flush(); // the new @Version is the one the event names
            record(accepted, by);
        }
        return Optional.of(outcome);
    }

    /**
     * Every photo a completion names must have been uploaded to this order (400 naming
     * {@code photoIds} otherwise).
     */
    @Transactional
    public void requirePhotosOf(UUID orderId, List<UUID> photoIds) {
        List<UUID> missing = photoIds.stream().filter(p -> !photos.belongsTo(p, orderId)).toList();
        if (!missing.isEmpty()) {
            throw new io.cunjian.chassis.problem.InvalidInputProblem("photoIds", "problem.work-order.photo.unknown");
        }
    }

    /** Whether a contractor is registered and active (only those take orders). */
    @Transactional
    public boolean contractorActive(String contractorId) {
        return contractorId != null && contractors.findByIdOptional(contractorId).filter(c -> c.active).isPresent();
    }

    @Transactional
    public Optional<WorkOrder> find(UUID id) {
        return orders.findByIdOptional(id).map(e -> e.toDomain(transitions.completionPhotos(id)));
    }

    @Transactional
    public Optional<WorkOrderEntity> findEntity(UUID id) {
        return orders.findByIdOptional(id);
    }

    @Transactional
    public List<TransitionEntity> history(UUID id) {
        return transitions.history(id);
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void record(WorkOrder.Accepted accepted, String by) {
        WorkOrder order = accepted.order();
        WorkOrder.Change change = accepted.change();
        TransitionEntity t = new TransitionEntity();
        t.orderId = order.id();
        t.at = now();
        t.actor = by;
        t.fromStatus = change.from();
        t.toStatus = change.to();
        t.eventType = change.eventType();
        t.note = change.note();
        t.previousQuantity = change.previousQuantity();
        t.newQuantity = change.newQuantity();
        transitions.persist(t);
        outbox.publish(new OutgoingEvent(TopicNames.WORK_ORDER, order.villageCode(), change.eventType(), order.villageCode(),
                order.event(change, by)));
    }
}
