package io.cunjian.workorders.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

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
    @Inject
    DataSource dataSource;

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

    /**
     * The order's row and its first history row in one round trip, without the ORM: creating is the busiest write, and
     * it reads nothing back. The columns are those of {@link WorkOrderEntity} and {@link TransitionEntity} (Hibernate
     * validates them against the tables at start); the order's version is its first, as Hibernate's would be.
     */
    @Override
    public void add(WorkOrder order, Transition created) {
        WorkOrder.Details d = order.details();
        WorkOrder.Location location = d.location();
        // The transaction's own connection (Agroal hands out the enlisted one inside a transaction).
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(ADD)) {
            int p = 1;
            insert.setObject(p++, order.id());
            insert.setString(p++, order.villageCode());
            insert.setString(p++, order.categoryCode());
            insert.setString(p++, order.unit());
            insert.setString(p++, d.title());
            insert.setString(p++, d.description());
            insert.setString(p++, location == null ? null : location.text());
            insert.setBigDecimal(p++, location == null ? null : location.latitude());
            insert.setBigDecimal(p++, location == null ? null : location.longitude());
            insert.setBigDecimal(p++, d.plannedQuantity());
            insert.setObject(p++, d.dueDate());
            insert.setString(p++, d.priority().name());
            insert.setString(p++, order.status().name());
            insert.setString(p++, created.by());
            insert.setObject(p++, created.at());
            insert.setObject(p++, created.at());
            insert.setLong(p++, order.version());
            p = bind(insert, p, order.id(), created);
            insert.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the work order " + order.id(), e);
        }
    }

    private static final String ADD = """
            INSERT INTO work_order (id, village_code, category_code, unit, title, description, location_text, latitude,
              longitude, planned_quantity, due_date, priority, status, created_by, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
            INSERT INTO work_order_transition (order_id, at, actor, from_status, to_status, event_type, note,
              previous_quantity, new_quantity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static int bind(PreparedStatement insert, int p, UUID orderId, Transition t) throws SQLException {
        insert.setObject(p++, orderId);
        insert.setObject(p++, t.at());
        insert.setString(p++, t.by());
        insert.setString(p++, t.from() == null ? null : t.from().name());
        insert.setString(p++, t.to().name());
        insert.setString(p++, t.eventType());
        insert.setString(p++, t.note());
        insert.setBigDecimal(p++, t.previousQuantity());
        insert.setBigDecimal(p++, t.newQuantity());
        return p;
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
