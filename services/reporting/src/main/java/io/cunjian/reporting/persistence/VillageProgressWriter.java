package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.ProgressHistory;
import io.cunjian.reporting.domain.VillageRecompute;
import io.cunjian.reporting.domain.StandardProgress;

/**
 * Recomputes the progress of a set of villages from their stored facts — the same statements for
 * one village or a thousand: facts read per kind for all of them, {@link StandardProgress} in
 * memory, results written back per table. Villages without a plan, or whose plan's standard version
 * has not arrived, have nothing to compute (yet).
 */
@ApplicationScoped
class VillageProgressWriter implements VillageRecompute {

    static final TypeReference<List<StandardProgress.WorkTarget>> WORK = new TypeReference<>() {
    };
    static final TypeReference<List<StandardProgress.CoverageTarget>> COVERAGE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    private record Plan(String standardId, String workTargets, String coverageTargets, String items) {
    }

    private record Before(String status, OffsetDateTime since, String standardId) {
    }

    private record Previous(BigDecimal progress, boolean meets, String standardId, OffsetDateTime since) {
    }

    /** A township's count of villages following an item and meeting it, and the item's position. */
    private record ItemCount(int villages, int met, int position) {
        ItemCount add(ItemCount o) {
            return new ItemCount(villages + o.villages, met + o.met, o.position >= 0 ? o.position : position);
        }
    }

    @Override
    public void recompute(Map<String, OffsetDateTime> touched) {
        if (!touched.isEmpty()) {
            Batch.on(em, c -> {
                recompute(c, touched);
                return null;
            });
        }
    }

    private void recompute(Connection c, Map<String, OffsetDateTime> touched) throws SQLException {
        List<String> villages = new ArrayList<>(new TreeMap<>(touched).keySet());
        // Recomputes are serialised (the three topics' consumers, on any instance, may touch one
        // village at once) by one lock per set of tables — the live ones, or a rebuild's. One lock,
        // not one per village: a batch recomputes once per day it spans, and villages locked day
        // by day would be taken in no global order, so two batches could deadlock.
        Batch.query(c, "SELECT pg_advisory_xact_lock(4, hashtext(current_schema()))", rs -> {
        });
        Map<String, Plan> plans = new HashMap<>();
        Batch.query(c, """
                SELECT p.village_code, p.standard_id, p.work_targets, p.coverage_targets, s.items FROM rp_plan p
                JOIN rp_standard s ON s.id = p.standard_id WHERE p.village_code = ANY(?::text[])""",
                rs -> plans.put(rs.getString(1), new Plan(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))),
                Batch.texts(c, villages));
        villages.removeIf(v -> !plans.containsKey(v));
        if (villages.isEmpty()) {
            return;
        }
        Map<String, StandardProgress.Evidence> evidence = evidence(c, villages);
        Map<String, Map<String, Before>> before = new HashMap<>();
        Batch.query(c, """
                SELECT village_code, item_code, status, since, standard_id FROM rp_item_progress
                WHERE village_code = ANY(?::text[])""",
                rs -> before.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2),
                        new Before(rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5))),
                Batch.texts(c, villages));
        Map<String, Previous> previous = new HashMap<>();
        Batch.query(c, """
                SELECT village_code, progress, meets, standard_id, since FROM rp_village_progress WHERE village_code = ANY(?::text[])""",
                rs -> previous.put(rs.getString(1), new Previous(rs.getBigDecimal(2), rs.getBoolean(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))),
                Batch.texts(c, villages));
        Map<String, String> lastHistory = new HashMap<>();
        Batch.query(c, """
                SELECT DISTINCT ON (village_code) village_code, items FROM rp_village_progress_history
                WHERE village_code = ANY(?::text[]) ORDER BY village_code, ce_time DESC, id DESC""",
                rs -> lastHistory.put(rs.getString(1), rs.getString(2)), Batch.texts(c, villages));

        Columns items = new Columns(8);
        Columns progress = new Columns(8);
        Columns history = new Columns(6);
        Map<List<String>, ItemCount> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (String village : villages) {
            OffsetDateTime at = touched.get(village);
            Plan plan = plans.get(village);
            List<StandardProgress.Item> standardItems = new ArrayList<>();
            for (JsonNode item : JsonText.tree(plan.items())) {
                standardItems.add(new StandardProgress.Item(item.get("code").asText(), item.get("kind").asText(),
                        StandardProgress.Measure.valueOf(item.get("measure").asText())));
            }
            StandardProgress.VillageProgress result = StandardProgress.of(standardItems,
                    JsonText.read(plan.workTargets(), WORK),
                    JsonText.read(plan.coverageTargets(), COVERAGE), evidence.get(village));
            String township = RegionCode.townshipOf(village);
            Map<String, Before> old = before.getOrDefault(village, Map.of());
            old.forEach((code, b) -> counts.merge(List.of(township, b.standardId(), code),
                    new ItemCount(-1, "MET".equals(b.status()) ? -1 : 0, -1), ItemCount::add));
            int position = 0;
            for (StandardProgress.ItemProgress item : result.items()) {
                Before b = old.get(item.code());
                OffsetDateTime since = b != null && item.status().name().equals(b.status()) ? b.since() : at;
                items.add(village, item.code(), plan.standardId(), position, item.status().name(), item.progress(),
                        JsonText.write(item.figures()), since);
                counts.merge(List.of(township, plan.standardId(), item.code()),
                        new ItemCount(1, item.status() == StandardProgress.Status.MET ? 1 : 0, position), ItemCount::add);
                position++;
            }
            Previous prev = previous.get(village);
            boolean same = prev != null && prev.progress().compareTo(result.progress()) == 0 && prev.meets() == result.meets()
                    && prev.standardId().equals(plan.standardId());
            progress.add(village, plan.standardId(), result.progress(), result.meets(), result.itemsMet(), result.items().size(),
                    same ? prev.since() : at, at);
            String itemsJson = JsonText.write(result.items().stream()
                    .map(i -> new ProgressHistory.HistoryItem(i.code(), i.status().name(), i.progress())).toList());
            if (!itemsJson.equals(lastHistory.get(village))) {
                history.add(village, at, plan.standardId(), result.progress(), result.meets(), itemsJson);
            }
        }

        Batch.update(c, "DELETE FROM rp_item_progress WHERE village_code = ANY(?::text[])", Batch.texts(c, villages));
        Batch.update(c, """
                INSERT INTO rp_item_progress (village_code, item_code, standard_id, item_position, status, progress, figures, since)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[])""",
                items.arrays(c));
        Batch.update(c, """
                INSERT INTO rp_village_progress (village_code, standard_id, progress, meets, items_met, items_total, since, updated_at)
                SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[], ?::boolean[], ?::int[], ?::int[], ?::timestamptz[],
                  ?::timestamptz[])
                ON CONFLICT (village_code) DO UPDATE SET standard_id = excluded.standard_id, progress = excluded.progress,
                  meets = excluded.meets, items_met = excluded.items_met, items_total = excluded.items_total,
                  since = excluded.since, updated_at = excluded.updated_at""",
                progress.arrays(c));
        if (history.size() > 0) {
            Batch.update(c, """
                    INSERT INTO rp_village_progress_history (village_code, ce_time, standard_id, progress, meets, items)
                    SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::numeric[], ?::boolean[], ?::text[])""",
                    history.arrays(c));
        }
        // the touched townships' totals, counted again from their village rows (index range per township)
        List<String> townships = villages.stream().map(RegionCode::townshipOf).distinct().toList();
        Batch.update(c, "DELETE FROM rp_township_totals WHERE township_code = ANY(?::text[])", Batch.texts(c, townships));
        Batch.update(c, """
                INSERT INTO rp_township_totals (township_code, villages, demonstration, meeting, progress_sum)
                SELECT t.code, count(*), count(*) FILTER (WHERE v.demonstration), count(*) FILTER (WHERE p.meets), sum(p.progress)
                FROM unnest(?::text[]) t(code) JOIN rp_village_progress p ON p.village_code LIKE t.code || '%'
                LEFT JOIN rp_village v ON v.code = p.village_code GROUP BY t.code""", Batch.texts(c, townships));
        counts.values().removeIf(n -> n.villages() == 0 && n.met() == 0 && n.position() < 0);
        if (!counts.isEmpty()) {
            Columns township = new Columns(6);
            counts.forEach((k, n) -> township.add(k.get(0), k.get(1), k.get(2), n.position(), n.villages(), n.met()));
            // a position of -1 means "no village follows the item after this batch": keep the stored one
            Batch.update(c, """
                    INSERT INTO rp_township_item (township_code, standard_id, item_code, item_position, villages, met)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[])
                    ON CONFLICT (township_code, standard_id, item_code) DO UPDATE SET
                      villages = rp_township_item.villages + excluded.villages, met = rp_township_item.met + excluded.met,
                      item_position = CASE WHEN excluded.item_position >= 0 THEN excluded.item_position
                        ELSE rp_township_item.item_position END""",
                    township.arrays(c));
        }
    }

    /** Verified quantities per category, zones covered, cameras working and inspection verdicts per village. */
    private Map<String, StandardProgress.Evidence> evidence(Connection c, List<String> villages) throws SQLException {
        Map<String, Map<String, BigDecimal>> verified = new HashMap<>();
        Batch.query(c, """
                SELECT village_code, category_code, quantity FROM rp_village_verified WHERE village_code = ANY(?::text[])""",
                rs -> verified.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3)),
                Batch.texts(c, villages));
        Map<String, int[]> zones = new HashMap<>();
        Batch.query(c, """
                SELECT village_code, count(*), count(*) FILTER (WHERE covered) FROM rp_zone
                WHERE village_code = ANY(?::text[]) GROUP BY village_code""",
                rs -> zones.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}), Batch.texts(c, villages));
        Map<String, Integer> cameras = new HashMap<>();
        Batch.query(c, """
                SELECT village_code, count(*) FROM rp_camera
                WHERE village_code = ANY(?::text[]) AND lifecycle = 'OPERATIONAL' AND online GROUP BY village_code""",
                rs -> cameras.put(rs.getString(1), rs.getInt(2)), Batch.texts(c, villages));
        Map<String, Map<String, String>> verdicts = new HashMap<>();
        Batch.query(c, "SELECT village_code, item_code, verdict FROM rp_inspection WHERE village_code = ANY(?::text[])",
                rs -> verdicts.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2), rs.getString(3)),
                Batch.texts(c, villages));
        Map<String, StandardProgress.Evidence> evidence = new HashMap<>();
        for (String v : villages) {
            int[] z = zones.getOrDefault(v, new int[2]);
            evidence.put(v, new StandardProgress.Evidence(verified.getOrDefault(v, Map.of()), z[0], z[1],
                    cameras.getOrDefault(v, 0), verdicts.getOrDefault(v, Map.of())));
        }
        return evidence;
    }

    /** Rows gathered column by column, for one {@code unnest} insert. */
    private static final class Columns {
        private final List<List<Object>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        int size() {
            return columns.get(0).size();
        }

        Object[] arrays(Connection c) throws SQLException {
            Object[] arrays = new Object[columns.size()];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = Batch.texts(c, columns.get(i));
            }
            return arrays;
        }
    }
}
