package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** A township's change in villages following an item and meeting it, and the item's position. */
    private record Count(int villages, int met, int position) {
        Count add(Count o) {
            return new Count(villages + o.villages, met + o.met, o.position >= 0 ? o.position : position);
        }
    }

    @Inject
    VillageProgressStore store;

    /** @param touched village → the time of its latest event applied (when a changed status began) */
    void recompute(Map<String, OffsetDateTime> touched) {
        List<String> villages = new ArrayList<>(new TreeMap<>(touched).keySet());
        // Recomputes are serialised (the three topics' consumers, on any instance, may touch one
        // village at once) by one lock per set of tables — the live ones, or a rebuild's. One lock,
        // not one per village: a batch recomputes once per day it spans, and villages locked day
        // by day would be taken in no global order, so two batches could deadlock.
        store.lock();
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
        Map<List<String>, Count> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (String village : villages) {
            OffsetDateTime at = touched.get(village);
            VillageProgressStore.Plan plan = plans.get(village);
            StandardProgress.VillageProgress result = StandardProgress.of(plan.items(), plan.workTargets(),
                    plan.coverageTargets(), evidence.get(village));
            String township = RegionCode.townshipOf(village);
            Map<String, VillageProgressStore.StoredItem> old = before.getOrDefault(village, Map.of());
            old.forEach((code, b) -> counts.merge(List.of(township, b.standardId(), code),
                    new Count(-1, "MET".equals(b.status()) ? -1 : 0, -1), Count::add));
            int position = 0;
            for (StandardProgress.ItemProgress item : result.items()) {
                VillageProgressStore.StoredItem b = old.get(item.code());
                OffsetDateTime since = b != null && item.status().name().equals(b.status()) ? b.since() : at;
                items.add(new VillageProgressStore.ItemRow(village, item.code(), plan.standardId(), position,
                        item.status().name(), item.progress(), item.figures(), since));
                counts.merge(List.of(township, plan.standardId(), item.code()),
                        new Count(1, item.status() == StandardProgress.Status.MET ? 1 : 0, position), Count::add);
                position++;
            }
            VillageProgressStore.StoredProgress prev = previous.get(village);
            boolean same = prev != null && prev.progress().compareTo(result.progress()) == 0 && prev.meets() == result.meets()
                    && prev.standardId().equals(plan.standardId());
            progress.add(new VillageProgressStore.ProgressRow(village, plan.standardId(), result.progress(), result.meets(),
                    result.itemsMet(), result.items().size(), same ? prev.since() : at, at));
            List<ProgressHistory.HistoryItem> now = result.items().stream()
                    .map(i -> new ProgressHistory.HistoryItem(i.code(), i.status().name(), i.progress())).toList();
            if (!now.equals(lastHistory.get(village))) {
                history.add(new VillageProgressStore.HistoryRow(village, at, plan.standardId(), result.progress(),
                        result.meets(), now));
            }
        }
        store.write(villages, items, progress, history);
        store.recountTownships(villages.stream().map(RegionCode::townshipOf).distinct().toList());
        counts.values().removeIf(n -> n.villages() == 0 && n.met() == 0 && n.position() < 0);
        List<VillageProgressStore.ItemCount> changes = new ArrayList<>();
        counts.forEach((k, n) -> changes.add(new VillageProgressStore.ItemCount(k.get(0), k.get(1), k.get(2), n.position(),
                n.villages(), n.met())));
        if (!changes.isEmpty()) {
            store.addItemCounts(changes);
        }
    }
}
