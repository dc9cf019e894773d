package io.cunjian.reporting.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.domain.ChinaTime;

/**
 * The facts of the three topics → reporting's read models, inside the consumer's transaction with
 * the message log, so each event counts once. Facts are stored whatever order they arrive in; a
 * village's progress is recomputed from what is stored whenever one of its facts changes, and for
 * every village following a standard version when that version arrives — so a fact that came early
 * is applied when what it refers to comes, never lost. Events come in batches (a replay from offset
 * zero must reach tens of thousands a second), so the frequent ones — work orders, cameras on and
 * off line — are written set-based ({@link WorkOrderLedger}, {@link ProgressFacts#recordOnline}).
 */
@ApplicationScoped
public class ProgressProjection {

    @Inject
    ProgressFacts facts;
    @Inject
    WorkOrderLedger orders;
    @Inject
    ReadPositions positions;
    @Inject
    VillageRecompute villages;
    @Inject
    VillageProgressStore locks;

    /**
     * Applies a batch in arrival order. First the locks of every village the batch names are taken,
     * at once and in one order (all villages' when a standard version arrives: it may start the
     * progress of any village), so that batches of other villages — of any topic, on any instance —
     * run at the same time and no two wait for each other (ADR 0030). The batch is then cut where
     * the day (China time) changes, so that history — kept per day — sees each day's end state;
     * within a part, facts are stored first and each village touched is recomputed once, at the time
     * of its latest event. What all the batches share — the township counters, the topics' read
     * positions — is written last, in a fixed order, and held only until the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Arrival> arrivals) {
        lock(arrivals);
        TownshipChanges townships = new TownshipChanges();
        Map<String, OffsetDateTime> watermarks = new TreeMap<>();
        List<Arrival> part = new ArrayList<>();
        LocalDate day = null;
        for (Arrival a : arrivals) {
            LocalDate d = a.time().atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
            if (day != null && !d.equals(day)) {
                applyPart(part, townships, watermarks);
                part = new ArrayList<>();
            }
            day = d;
            part.add(a);
        }
        if (!part.isEmpty()) {
            applyPart(part, townships, watermarks);
        }
        orders.finish(townships);
        villages.finish(townships);
        Map<ReadPositions.Partition, Long> next = new TreeMap<>(Comparator.comparing(ReadPositions.Partition::topic)
                .thenComparing(ReadPositions.Partition::partition));
        for (Arrival a : arrivals) {
            next.merge(new ReadPositions.Partition(a.source(), a.partition()), a.offset() + 1, Math::max);
        }
        if (!next.isEmpty()) {
            positions.advance(next);
        }
        if (!watermarks.isEmpty()) {
            positions.applied(watermarks);
        }
    }

    private void lock(List<Arrival> arrivals) {
        TreeSet<String> named = new TreeSet<>();
        for (Arrival a : arrivals) {
            if (a.fact() instanceof Fact.StandardPublished) {
                locks.lockAllVillages();
                return;
            }
            String village = a.fact() == null ? null : a.fact().villageCode();
            if (village != null) {
                named.add(village);
            }
        }
        if (!named.isEmpty()) {
            locks.lockVillages(named);
        }
    }

    private void applyPart(List<Arrival> part, TownshipChanges townships, Map<String, OffsetDateTime> watermarks) {
        Map<String, OffsetDateTime> touched = new HashMap<>();
        List<Arrival> orderChanges = new ArrayList<>();
        Map<String, Fact.CameraOnlineChanged> online = new LinkedHashMap<>();
        for (Arrival a : part) {
            Fact fact = a.fact();
            if (fact instanceof Fact.OrderChanged) {
                orderChanges.add(a);
            } else if (fact instanceof Fact.CameraOnlineChanged c) {
                // only the last state of each camera in the batch matters; nothing else writes it
                online.put(c.serial(), c);
                touch(touched, c.villageCode(), a.time());
            } else if (fact == null || fact instanceof Fact.RegionChanged) {
                if (fact != null) {
                    facts.recordRegion((Fact.RegionChanged) fact, a.time());
                }
                continue; // regions are history of their own, not progress
            } else {
                store(fact, a.time(), touched);
            }
            watermarks.merge(a.topic(), a.time(), (x, y) -> x.isAfter(y) ? x : y);
        }
        orders.apply(orderChanges, touched, townships);
        if (!online.isEmpty()) {
            facts.recordOnline(online.values().stream().sorted(Comparator.comparing(Fact.CameraOnlineChanged::serial)).toList());
        }
        if (!touched.isEmpty()) {
            villages.recompute(touched, townships);
        }
    }

    /** The rarer facts, one statement each; the villages whose progress they change are touched. */
    private void store(Fact fact, OffsetDateTime at, Map<String, OffsetDateTime> touched) {
        if (fact instanceof Fact.VillageRecorded v) {
            if (facts.recordVillage(v)) {
                touch(touched, v.code(), at);
            }
        } else if (fact instanceof Fact.CategoryDefined c) {
            facts.defineCategory(c);
        } else if (fact instanceof Fact.CategoryRenamed c) {
            facts.renameCategory(c);
        } else if (fact instanceof Fact.StandardPublished s) {
            // plans that arrived before their standard are applied now
            facts.publishStandard(s).forEach(village -> touch(touched, village, at));
        } else if (fact instanceof Fact.PlanSet p) {
            if (facts.recordPlan(p)) {
                touch(touched, p.villageCode(), at);
            }
        } else if (fact instanceof Fact.InspectionRecorded i) {
            if (facts.recordInspection(i, at)) {
                touch(touched, i.villageCode(), at);
            }
        } else if (fact instanceof Fact.ZoneDescribed z) {
            facts.recordZone(z);
            touch(touched, z.villageCode(), at);
        } else if (fact instanceof Fact.ZoneCoverageChanged z) {
            facts.recordZoneCoverage(z);
            touch(touched, z.villageCode(), at);
        } else if (fact instanceof Fact.CameraRecorded c) {
            facts.recordCamera(c);
            touch(touched, c.villageCode(), at);
        } else if (fact instanceof Fact.CameraLifecycleChanged c) {
            facts.recordCameraLifecycle(c);
            touch(touched, c.villageCode(), at);
        }
    }

    static void touch(Map<String, OffsetDateTime> touched, String village, OffsetDateTime at) {
        touched.merge(village, at, (a, b) -> a.isAfter(b) ? a : b);
    }
}
