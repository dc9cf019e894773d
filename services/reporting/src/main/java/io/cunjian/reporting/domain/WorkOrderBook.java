package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.cunjian.reporting.events.WorkOrderStatus;

/**
 * Work orders as reporting keeps them, with the counters they move, written set-based: a batch's
 * orders are read in one statement and written back in one.
 */
public interface WorkOrderBook {

    record Order(String id, String villageCode, String categoryCode, String unit, WorkOrderStatus status,
            BigDecimal plannedQuantity, BigDecimal verifiedQuantity, LocalDate dueDate, long version) {
    }

    /**
     * The stored orders among {@code ids}. Not locked: an order is changed only under its village's
     * lock, which the caller holds ({@link VillageProgressStore#lockVillages}).
     */
    Map<String, Order> stored(Collection<String> ids);

    void save(List<Order> orders);

    /** (village, category) → change in the verified quantity that counts. */
    void addVerified(SortedMap<List<String>, BigDecimal> changes);

    /** (township, due date) → change in the number of open orders. */
    void addOpenOrders(SortedMap<List<String>, Integer> changes);
}
