package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The changes a batch makes to counters shared by many villages — open orders per township and
 * due date, villages following and meeting each item per township, a township's totals — summed
 * while the batch is applied and written once at its end, each table in key order (ADR 0030).
 * Batches of different villages run at once; their only common rows are these, and each holds
 * them only from its last statements to its commit, always taking them in the same order.
 */
final class TownshipChanges {

    /** A township's change in villages following an item and meeting it, and the item's position. */
    record Count(int villages, int met, int position) {
        Count add(Count o) {
            return new Count(villages + o.villages, met + o.met, o.position >= 0 ? o.position : position);
        }
    }

    /** A township's change in villages with progress, demonstration villages among them, villages meeting, progress summed. */
    record Totals(int villages, int demonstration, int meeting, BigDecimal progress) {
        Totals add(Totals o) {
            return new Totals(villages + o.villages, demonstration + o.demonstration, meeting + o.meeting,
                    progress.add(o.progress));
        }

        boolean isZero() {
            return villages == 0 && demonstration == 0 && meeting == 0 && progress.signum() == 0;
        }
    }

    final SortedMap<List<String>, Integer> openOrders = new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
    private final SortedMap<List<String>, Count> items = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
            .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
    private final SortedMap<String, Totals> totals = new TreeMap<>();

    void openOrder(String township, String dueDate, int change) {
        openOrders.merge(List.of(township, dueDate), change, Integer::sum);
    }

    void item(String township, String standardId, String itemCode, Count change) {
        items.merge(List.of(township, standardId, itemCode), change, Count::add);
    }

    void totals(String township, Totals change) {
        totals.merge(township, change, Totals::add);
    }

    /** The item counts that change something, in key order. */
    List<VillageProgressStore.ItemCount> itemCounts() {
        List<VillageProgressStore.ItemCount> changes = new ArrayList<>();
        items.forEach((k, n) -> {
            if (n.villages() != 0 || n.met() != 0 || n.position() >= 0) {
                changes.add(new VillageProgressStore.ItemCount(k.get(0), k.get(1), k.get(2), n.position(), n.villages(), n.met()));
            }
        });
        return changes;
    }

    /** The townships' totals that change, in township order. */
    List<VillageProgressStore.TotalsChange> totalsChanges() {
        List<VillageProgressStore.TotalsChange> changes = new ArrayList<>();
        totals.forEach((township, t) -> {
            if (!t.isZero()) {
                changes.add(new VillageProgressStore.TotalsChange(township, t.villages(), t.demonstration(), t.meeting(),
                        t.progress()));
            }
        });
        return changes;
    }
}
