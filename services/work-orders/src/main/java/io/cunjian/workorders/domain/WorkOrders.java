package io.cunjian.workorders.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored work orders and their history, as the use cases need them (implemented in persistence). */
public interface WorkOrders {

    /** An order with the photos its completion names. */
    Optional<WorkOrder> find(UUID id);

    /**
     * An order locked against concurrent changes until the transaction ends, so two commands on one order
     * run one after the other and the second sees the first's state.
     */
    Optional<WorkOrder> findForChange(UUID id);

    /** An order locked against changes (but not against other readers) while a photo is added to it. */
    Optional<WorkOrder> findForPhoto(UUID id);

    /** Stores a new order and the first row of its history ({@code created}: who created it, when). */
    void add(WorkOrder order, Transition created);

    /** Stores an order found for change as it is after a command, changed at {@code at}. */
    void update(WorkOrder order, OffsetDateTime at);

    /** Makes {@code photoIds} the photos the order's completion names (a new completion replaces the last one's). */
    void replaceCompletionPhotos(UUID orderId, List<UUID> photoIds);

    /** Adds a row to the order's history. */
    void record(UUID orderId, Transition transition);

    /** The order's history, oldest first. */
    List<Transition> history(UUID orderId);

    /** Orders matching a search within the caller's scope, newest first; without their completion's photos. */
    List<WorkOrder> search(Search search, int page, int size);

    long count(Search search);

    /**
     * One change in an order's history: who changed it when, from which state to which, and why (the
     * quantities for a correction).
     */
    record Transition(OffsetDateTime at, String by, WorkOrderStatus from, WorkOrderStatus to, String eventType,
            String note, BigDecimal previousQuantity, BigDecimal newQuantity) {
    }

    /**
     * A search of the order list. {@code visibleRegions} (prefixes) and {@code onlyContractor} are the
     * caller's scope, applied before the criteria; {@code today} is the day in China overdue is judged by.
     */
    record Search(List<String> visibleRegions, String onlyContractor, WorkOrderCriteria criteria, LocalDate today) {
    }
}
