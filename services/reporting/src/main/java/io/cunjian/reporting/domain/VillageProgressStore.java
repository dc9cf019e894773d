package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a recompute reads and writes, for a whole set of villages per statement: their plans and
 * evidence, their items and progress as they stand, and the township figures maintained from them.
 */
public interface VillageProgressStore {

    /**
     * A village's plan with the items of its standard version (only plans whose version has arrived),
     * and whether the village is, as stored now, a demonstration village.
     */
    record Plan(String standardId, List<StandardProgress.Item> items, List<StandardProgress.WorkTarget> workTargets,
            List<StandardProgress.CoverageTarget> coverageTargets, boolean demonstration) {
    }

    /** An item's stored status, since when it holds, and the standard version it belongs to. */
    record StoredItem(String status, OffsetDateTime since, String standardId) {
    }

    /** {@code demonstration}: whether the township's totals count the village as a demonstration village. */
    record StoredProgress(BigDecimal progress, boolean meets, String standardId, OffsetDateTime since, boolean demonstration) {
    }

    record ItemRow(String villageCode, String itemCode, String standardId, int position, String status, BigDecimal progress,
            List<StandardProgress.Figure> figures, OffsetDateTime since) {
    }

    record ProgressRow(String villageCode, String standardId, BigDecimal progress, boolean meets, int itemsMet,
            int itemsTotal, OffsetDateTime since, OffsetDateTime updatedAt, boolean demonstration) {
    }

    record HistoryRow(String villageCode, OffsetDateTime at, String standardId, BigDecimal progress, boolean meets,
            List<ProgressHistory.HistoryItem> items) {
    }

    /**
     * A change in a township's count of villages following an item and meeting it; a position of -1
     * means no village follows the item after this change, and the stored position stays.
     */
    record ItemCount(String townshipCode, String standardId, String itemCode, int position, int villages, int met) {
    }

    /** A change in a township's villages with progress, demonstration villages, villages meeting and progress summed. */
    record TotalsChange(String townshipCode, int villages, int demonstration, int meeting, BigDecimal progressSum) {
    }

    /**
     * Keeps every other transaction from changing these villages (in this set of tables: the live
     * ones or a rebuild's) until this one ends: one lock per village, all taken in one statement in
     * a fixed order, after a lock on the set of tables that is shared among such transactions.
     */
    void lockVillages(Collection<String> villages);

    /** Keeps every other transaction from changing any village of this set of tables until this one ends. */
    void lockAllVillages();

    Map<String, Plan> plans(Collection<String> villages);

    Map<String, StandardProgress.Evidence> evidence(Collection<String> villages);

    Map<String, Map<String, StoredItem>> items(Collection<String> villages);

    Map<String, StoredProgress> progress(Collection<String> villages);

    /** Each village's latest history items. */
    Map<String, List<ProgressHistory.HistoryItem>> lastHistory(Collection<String> villages);

    /** Replaces the villages' items and progress, and adds the history rows. */
    void write(Collection<String> villages, List<ItemRow> items, List<ProgressRow> progress, List<HistoryRow> history);

    /** Adds to the townships' totals, in the order given. */
    void addTotals(List<TotalsChange> changes);

    /** Adds to the townships' item counts, in the order given. */
    void addItemCounts(List<ItemCount> changes);
}
