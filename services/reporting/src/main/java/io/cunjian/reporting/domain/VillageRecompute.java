package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cunjian.chassis.domain.RegionCode;

/**
 * Recomputes the progress of a set of villages from their stored facts — the same statements for
 * one village or a thousand: facts read per kind for all of them, {@link StandardProgress} in memory,
 * results written back per table. Villages without a plan, or whose plan's standard version has not
 * arrived, have nothing to compute (yet). A status keeps the time it began while it holds; a history
 * row is added only when an item's figures changed.
 */
@ApplicationScoped
public class VillageRecompute {

    @Inject
    VillageProgressStore store;

    /**
     * The caller holds the villages' locks ({@link VillageProgressStore#lockVillages}, taken at the
     * start of the batch for all the villages it may touch): no other transaction changes their rows
     * meanwhile. What the recompute changes in township counters is added to {@code townships}.
     *
     * @param touched village → the time of its latest event applied (when a changed status began)
     */
    void recompute(Map<String, OffsetDateTime> touched, TownshipChanges townships) {
        List<String> villages = new ArrayList<>(new TreeMap<>(touched).keySet());
        Map<String, VillageProgressStore.Plan> plans = store.plans(villages);
        villages.removeIf(v -> !plans.containsKey(v));
        if (villages.isEmpty()) {
            return;
        }
        Map<String, StandardProgress.Evidence> evidence = store.evidence(villages);
        Map<String, Map<String, VillageProgressStore.StoredItem>> before = store.items(villages);
        Map<String, VillageProgressStore.StoredProgress> previous = store.progress(villages);
        Map<String, List<ProgressHistory.HistoryItem>> lastHistory = store.lastHistory(villages);

        List<VillageProgressStore.ItemRow> items = new ArrayList<>();
        List<VillageProgressStore.ProgressRow> progress = new ArrayList<>();
        List<VillageProgressStore.HistoryRow> history = new ArrayList<>();
        for (String village : villages) {
            OffsetDateTime at = touched.get(village);
            VillageProgressStore.Plan plan = plans.get(village);
            StandardProgress.VillageProgress result = StandardProgress.of(plan.items(), plan.workTargets(),
                    plan.coverageTargets(), evidence.get(village));
            String township = RegionCode.townshipOf(village);
            Map<String, VillageProgressStore.StoredItem> old = before.getOrDefault(village, Map.of());
            old.forEach((code, b) -> townships.item(township, b.standardId(), code,
                    new TownshipChanges.Count(-1, "MET".equals(b.status()) ? -1 : 0, -1)));
            int position = 0;
            for (StandardProgress.ItemProgress item : result.items()) {
                VillageProgressStore.StoredItem b = old.get(item.code());
                OffsetDateTime since = b != null && item.status().name().equals(b.status()) ? b.since() : at;
                items.add(new VillageProgressStore.ItemRow(village, item.code(), plan.standardId(), position,
                        item.status().name(), item.progress(), item.figures(), since));
                townships.item(township, plan.standardId(), item.code(),
                        new TownshipChanges.Count(1, item.status() == StandardProgress.Status.MET ? 1 : 0, position));
                position++;
            }
            VillageProgressStore.StoredProgress prev = previous.get(village);
            boolean same = prev != null && prev.progress().compareTo(result.progress()) == 0 && prev.meets() == result.meets()
                    && prev.standardId().equals(plan.standardId());
            progress.add(new VillageProgressStore.ProgressRow(village, plan.standardId(), result.progress(), result.meets(),
                    result.itemsMet(), result.items().size(), same ? prev.since() : at, at, plan.demonstration()));
            // the township's totals move by the difference between what they counted of the village and what it is now
            townships.totals(township, new TownshipChanges.Totals(prev == null ? 1 : 0,
                    (plan.demonstration() ? 1 : 0) - (prev != null && prev.demonstration() ? 1 : 0),
                    (result.meets() ? 1 : 0) - (prev != null && prev.meets() ? 1 : 0),
                    prev == null ? result.progress() : result.progress().subtract(prev.progress())));
            List<ProgressHistory.HistoryItem> now = result.items().stream()
                    .map(i -> new ProgressHistory.HistoryItem(i.code(), i.status().name(), i.progress())).toList();
            if (!now.equals(lastHistory.get(village))) {
                history.add(new VillageProgressStore.HistoryRow(village, at, plan.standardId(), result.progress(),
                        result.meets(), now));
            }
        }
        store.write(villages, items, progress, history);
    }

    /** Writes the batch's township counters (after the open orders: every batch takes these rows in one order). */
    void finish(TownshipChanges townships) {
        List<VillageProgressStore.ItemCount> counts = townships.itemCounts();
        if (!counts.isEmpty()) {
            store.addItemCounts(counts);
        }
        List<VillageProgressStore.TotalsChange> totals = townships.totalsChanges();
        if (!totals.isEmpty()) {
            store.addTotals(totals);
        }
    }
}
