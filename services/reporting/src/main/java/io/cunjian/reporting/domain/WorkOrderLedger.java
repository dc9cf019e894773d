package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.reporting.events.WorkOrderStatus;

/**
 * Work-order changes of a batch, set-based: the orders' stored rows are read at once (under their
 * villages' locks),
 * the changes folded onto them in arrival order exactly as one upsert per event would (a change
 * older than what is stored changes nothing; a verified quantity is kept until a correction), then
 * written back and the counters moved: the verified quantity per village and category (what an
 * order counts is its verified quantity while it is VERIFIED) and the open orders per township and
 * due date (open as {@link WorkOrderStatus#isOpen} says).
 */
@ApplicationScoped
public class WorkOrderLedger {

    @Inject
    WorkOrderBook book;

    /**
     * Villages whose verified work changed are added to {@code touched}; the change in open orders
     * per township is added to {@code townships}, written at the end of the batch.
     */
    void apply(List<Arrival> changes, Map<String, OffsetDateTime> touched, TownshipChanges townships) {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, WorkOrderBook.Order> stored = book.stored(new TreeSet<>(changes.stream()
                .map(a -> ((Fact.OrderChanged) a.fact()).orderId()).toList()));
        Map<String, WorkOrderBook.Order> now = new TreeMap<>();
        for (Arrival a : changes) {
            Fact.OrderChanged c = (Fact.OrderChanged) a.fact();
            WorkOrderBook.Order was = now.containsKey(c.orderId()) ? now.get(c.orderId()) : stored.get(c.orderId());
            if (was != null && was.version() >= c.version()) {
                continue;
            }
            now.put(c.orderId(), new WorkOrderBook.Order(c.orderId(), was == null ? c.villageCode() : was.villageCode(),
                    was == null ? c.categoryCode() : was.categoryCode(), was == null ? c.unit() : was.unit(), c.status(),
                    c.plannedQuantity(), c.verifiedQuantity() != null ? c.verifiedQuantity() : was == null ? null : was.verifiedQuantity(),
                    c.dueDate() != null ? c.dueDate() : was == null ? null : was.dueDate(), c.version()));
            if (c.verifiedQuantity() != null) {
                ProgressProjection.touch(touched, now.get(c.orderId()).villageCode(), a.time());
            }
        }
        if (now.isEmpty()) {
            return;
        }
        List<WorkOrderBook.Order> rows = new ArrayList<>(now.values());
        book.save(rows);
        // sorted, so that two writers never deadlock
        SortedMap<List<String>, BigDecimal> verified = byKey();
        for (WorkOrderBook.Order order : rows) {
            WorkOrderBook.Order was = stored.get(order.id());
            if (was != null && isOpenWithDueDate(was)) {
                townships.openOrder(RegionCode.townshipOf(was.villageCode()), was.dueDate().toString(), -1);
            }
            if (isOpenWithDueDate(order)) {
                townships.openOrder(RegionCode.townshipOf(order.villageCode()), order.dueDate().toString(), 1);
            }
            if (was != null && counted(was)) {
                verified.merge(List.of(was.villageCode(), was.categoryCode()), was.verifiedQuantity().negate(), BigDecimal::add);
            }
            if (counted(order)) {
                verified.merge(List.of(order.villageCode(), order.categoryCode()), order.verifiedQuantity(), BigDecimal::add);
            }
        }
        book.addVerified(verified);
    }

    /** Writes the batch's change in open orders (first of the township counters: every batch takes them in one order). */
    void finish(TownshipChanges townships) {
        book.addOpenOrders(townships.openOrders);
    }

    private static boolean isOpenWithDueDate(WorkOrderBook.Order order) {
        return order.status().isOpen() && order.dueDate() != null;
    }

    private static boolean counted(WorkOrderBook.Order order) {
        return order.status() == WorkOrderStatus.VERIFIED && order.verifiedQuantity() != null;
    }

    /** Keys of two parts (e.g. township and due date) in their natural order. */
    private static <N> SortedMap<List<String>, N> byKey() {
        return new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    }
}
