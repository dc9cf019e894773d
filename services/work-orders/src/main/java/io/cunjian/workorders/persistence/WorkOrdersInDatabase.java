package io.cunjian.workorders.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.cunjian.workorders.domain.WorkOrder;
import io.cunjian.workorders.domain.WorkOrders;

/** Work orders in PostgreSQL: one row per order, its history rows and its completion's photo links. */
@ApplicationScoped
public class WorkOrdersInDatabase implements WorkOrders {

    @Inject
    WorkOrderRepository orders;
    @Inject
    TransitionRepository transitions;

    @Override
    public Optional<WorkOrder> find(UUID id) {
        return orders.findByIdOptional(id).map(e -> e.toDomain(transitions.completionPhotos(id)));
    }

    @Override
    public Optional<WorkOrder> findForChange(UUID id) {
        return orders.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .map(e -> e.toDomain(transitions.completionPhotos(id)));
    }

    @Override
    public Optional<WorkOrder> findForPhoto(UUID id) {
        // a photo needs the order's state and position, not its completion's photos
        return orders.findByIdOptional(id, LockModeType.PESSIMISTIC_READ).map(e -> e.toDomain(List.of()));
    }

    @Override
    public void add(WorkOrder order, String by, OffsetDateTime at) {
        WorkOrderEntity e = new WorkOrderEntity();
        e.id = order.id();
        e.villageCode = order.villageCode();
        e.categoryCode = order.categoryCode();
        e.unit = order.unit();
        e.createdBy = by;
        e.createdAt = at;
        e.updatedAt = at;
        e.apply(order);
        orders.persist(e);
        orders.flush();
    }

    @Override
    public void update(WorkOrder order, OffsetDateTime at) {
        WorkOrderEntity e = orders.findById(order.id()); // the row found for change, already locked
        e.apply(order);
        e.updatedAt = at;
        orders.flush(); // the new version, and a failed version check, are known before the event is written
    }

    @Override
    public void replaceCompletionPhotos(UUID orderId, List<UUID> photoIds) {
        transitions.replaceCompletionPhotos(orderId, photoIds);
    }

    @Override
    public void record(UUID orderId, Transition transition) {
        TransitionEntity t = new TransitionEntity();
        t.orderId = orderId;
        t.at = transition.at();
        t.actor = transition.by();
        t.fromStatus = transition.from();
        t.toStatus = transition.to();
        t.eventType = transition.eventType();
        t.note = transition.note();
        t.previousQuantity = transition.previousQuantity();
        t.newQuantity = transition.newQuantity();
        transitions.persist(t);
    }

    @Override
    public List<Transition> history(UUID orderId) {
        return transitions.history(orderId).stream()
                .map(t -> new Transition(t.at, t.actor, t.fromStatus, t.toStatus, t.eventType, t.note, t.previousQuantity,
                        t.newQuantity))
                .toList();
    }

    @Override
    public List<WorkOrder> search(Search search, int page, int size) {
        return orders.search(search, page, size).stream().map(e -> e.toDomain(null)).toList();
    }

    @Override
    public long count(Search search) {
        return orders.countSearch(search);
    }
}
