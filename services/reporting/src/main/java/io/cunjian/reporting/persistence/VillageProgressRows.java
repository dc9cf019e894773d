package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.ProgressHistory;
import io.cunjian.reporting.domain.StandardProgress;
import io.cunjian.reporting.domain.VillageProgressStore;

/** {@link VillageProgressStore} in reporting's tables: each read and write one statement for all the villages. */
@ApplicationScoped
class VillageProgressRows implements VillageProgressStore {

    static final TypeReference<List<StandardProgress.WorkTarget>> WORK = new TypeReference<>() {
    };
    static final TypeReference<List<StandardProgress.CoverageTarget>> COVERAGE = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    /**
     * The shared lock on the set of tables is the one an older version of this service took
     * exclusively for every recompute, so that during a rolling upgrade the two never change a village
     * at once. Each village's lock is one 64-bit key, the set of tables' hash above the village's (a
     * collision only makes two villages wait for each other). The keys are sorted and PostgreSQL
     * takes the locks in that order (a volatile function in the select list runs after the sort), so
     * two transactions never wait for each other's villages (ADR 0030).
     */
    @Override
    public void lockVillages(Collection<String> villages) {
        Batch.on(em, c -> {
            Batch.query(c, "SELECT pg_advisory_xact_lock_shared(4, hashtext(current_schema()))", rs -> {
            });
            Batch.query(c, """
                    SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT (hashtext(current_schema())::bigint << 32)
                      | (hashtext(v)::bigint & 4294967295) AS k FROM unnest(?::text[]) v) keys ORDER BY k""", rs -> {
                    }, Batch.texts(c, villages));
            return null;
        });
    }

    @Override
    public void lockAllVillages() {
        Batch.on(em, c -> {
            Batch.query(c, "SELECT pg_advisory_xact_lock(4, hashtext(current_schema()))", rs -> {
            });
            return null;
        });
    }

    @Override
    public Map<String, Plan> plans(Collection<String> villages) {
        Map<String, Plan> plans = new HashMap<>();
        read("""
                SELECT p.village_code, p.standard_id, p.work_targets, p.coverage_targets, s.items, coalesce(v.demonstration, false)
                FROM rp_plan p JOIN rp_standard s ON s.id = p.standard_id LEFT JOIN rp_village v ON v.code = p.village_code
                WHERE p.village_code = ANY(?::text[])""", villages, rs -> {
            List<StandardProgress.Item> items = new ArrayList<>();
            for (JsonNode item : JsonText.tree(rs.getString(5))) {
                items.add(new StandardProgress.Item(item.get("code").asText(), item.get("kind").asText(),
                        StandardProgress.Measure.valueOf(item.get("measure").asText())));
            }
            plans.put(rs.getString(1), new Plan(rs.getString(2), items, JsonText.read(rs.getString(3), WORK),
                    JsonText.read(rs.getString(4), COVERAGE), rs.getBoolean(6)));
        });
        return plans;
    }

    /**
     * Verified quantities per category, zones and covered zones (as camera-inventory last stated them),
     * cameras working and inspection verdicts per village.
     */
    @Override
    public Map<String, StandardProgress.Evidence> evidence(Collection<String> villages) {
        Map<String, Map<String, BigDecimal>> verified = new HashMap<>();
        read("SELECT village_code, category_code, quantity FROM rp_village_verified WHERE village_code = ANY(?::text[])",
                villages, rs -> verified.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2),
                        rs.getBigDecimal(3)));
        Map<String, int[]> zones = new HashMap<>();
        read("""
                SELECT village_code, zones, covered_zones FROM rp_village_zones WHERE village_code = ANY(?::text[])""",
                villages, rs -> zones.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)}));
        Map<String, Integer> cameras = new HashMap<>();
        read("""
                SELECT village_code, count(*) FROM rp_camera
                WHERE village_code = ANY(?::text[]) AND lifecycle = 'OPERATIONAL' AND online GROUP BY village_code""",
                villages, rs -> cameras.put(rs.getString(1), rs.getInt(2)));
        Map<String, Map<String, String>> verdicts = new HashMap<>();
        read("SELECT village_code, item_code, verdict FROM rp_inspection WHERE village_code = ANY(?::text[])", villages,
                rs -> verdicts.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2), rs.getString(3)));
        Map<String, StandardProgress.Evidence> evidence = new HashMap<>();
        for (String v : villages) {
            int[] z = zones.getOrDefault(v, new int[2]);
            evidence.put(v, new StandardProgress.Evidence(verified.getOrDefault(v, Map.of()), z[0], z[1],
                    cameras.getOrDefault(v, 0), verdicts.getOrDefault(v, Map.of())));
        }
        return evidence;
    }

    @Override
    public Map<String, Map<String, StoredItem>> items(Collection<String> villages) {
        Map<String, Map<String, StoredItem>> before = new HashMap<>();
        read("SELECT village_code, item_code, status, since, standard_id FROM rp_item_progress WHERE village_code = ANY(?::text[])",
                villages, rs -> before.computeIfAbsent(rs.getString(1), v -> new HashMap<>()).put(rs.getString(2),
                        new StoredItem(rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5))));
        return before;
    }

    @Override
    public Map<String, StoredProgress> progress(Collection<String> villages) {
        Map<String, StoredProgress> previous = new HashMap<>();
        read("""
                SELECT village_code, progress, meets, standard_id, since, demonstration FROM rp_village_progress
                WHERE village_code = ANY(?::text[])""", villages, rs -> previous.put(rs.getString(1), new StoredProgress(
                        rs.getBigDecimal(2), rs.getBoolean(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6))));
        return previous;
    }

    @Override
    public Map<String, List<ProgressHistory.HistoryItem>> lastHistory(Collection<String> villages) {
        Map<String, List<ProgressHistory.HistoryItem>> last = new HashMap<>();
        read("""
                SELECT DISTINCT ON (village_code) village_code, items FROM rp_village_progress_history
                WHERE village_code = ANY(?::text[]) ORDER BY village_code, ce_time DESC, id DESC""",
                villages, rs -> last.put(rs.getString(1), JsonText.read(rs.getString(2), History.ITEMS)));
        return last;
    }

    @Override
    public void write(Collection<String> villages, List<ItemRow> items, List<ProgressRow> progress, List<HistoryRow> history) {
        Batch.on(em, c -> {
            // Items are updated in place rather than deleted and inserted again: an update that changes
            // no indexed column adds no index entries and leaves no dead index entries behind (HOT), and a
            // recompute changes the figures of most items it writes. Items the plan no longer has go.
            Batch.update(c, """
                    DELETE FROM rp_item_progress WHERE village_code = ANY(?::text[])
                      AND (village_code, item_code) NOT IN (SELECT * FROM unnest(?::text[], ?::text[]))""",
                    Batch.texts(c, villages), Batch.texts(c, items.stream().map(ItemRow::villageCode).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::itemCode).toList()));
            Batch.update(c, """
                    INSERT INTO rp_item_progress (village_code, item_code, standard_id, item_position, status, progress, figures, since)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::numeric[], ?::text[], ?::timestamptz[])
                    ON CONFLICT (village_code, item_code) DO UPDATE SET standard_id = excluded.standard_id,
                      item_position = excluded.item_position, status = excluded.status, progress = excluded.progress,
                      figures = excluded.figures, since = excluded.since""",
                    Batch.texts(c, items.stream().map(ItemRow::villageCode).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::itemCode).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::standardId).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::position).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::status).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::progress).toList()),
                    Batch.texts(c, items.stream().map(i -> JsonText.write(i.figures())).toList()),
                    Batch.texts(c, items.stream().map(ItemRow::since).toList()));
            Batch.update(c, """
                    INSERT INTO rp_village_progress (village_code, standard_id, progress, meets, items_met, items_total, since, updated_at,
                      demonstration)
                    SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[], ?::boolean[], ?::int[], ?::int[], ?::timestamptz[],
                      ?::timestamptz[], ?::boolean[])
                    ON CONFLICT (village_code) DO UPDATE SET standard_id = excluded.standard_id, progress = excluded.progress,
                      meets = excluded.meets, items_met = excluded.items_met, items_total = excluded.items_total,
                      since = excluded.since, updated_at = excluded.updated_at, demonstration = excluded.demonstration""",
                    Batch.texts(c, progress.stream().map(ProgressRow::villageCode).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::standardId).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::progress).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::meets).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::itemsMet).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::itemsTotal).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::since).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::updatedAt).toList()),
                    Batch.texts(c, progress.stream().map(ProgressRow::demonstration).toList()));
            if (!history.isEmpty()) {
                Batch.update(c, """
                        INSERT INTO rp_village_progress_history (village_code, ce_time, standard_id, progress, meets, items)
                        SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::numeric[], ?::boolean[], ?::text[])""",
                        Batch.texts(c, history.stream().map(HistoryRow::villageCode).toList()),
                        Batch.texts(c, history.stream().map(HistoryRow::at).toList()),
                        Batch.texts(c, history.stream().map(HistoryRow::standardId).toList()),
                        Batch.texts(c, history.stream().map(HistoryRow::progress).toList()),
                        Batch.texts(c, history.stream().map(HistoryRow::meets).toList()),
                        Batch.texts(c, history.stream().map(h -> JsonText.write(h.items())).toList()));
            }
            return null;
        });
    }

    @Override
    public void addTotals(List<TotalsChange> changes) {
        Batch.on(em, c -> Batch.update(c, """
                INSERT INTO rp_township_totals (township_code, villages, demonstration, meeting, progress_sum)
                SELECT * FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::numeric[])
                ON CONFLICT (township_code) DO UPDATE SET villages = rp_township_totals.villages + excluded.villages,
                  demonstration = rp_township_totals.demonstration + excluded.demonstration,
                  meeting = rp_township_totals.meeting + excluded.meeting,
                  progress_sum = rp_township_totals.progress_sum + excluded.progress_sum""",
                Batch.texts(c, changes.stream().map(TotalsChange::townshipCode).toList()),
                Batch.texts(c, changes.stream().map(TotalsChange::villages).toList()),
                Batch.texts(c, changes.stream().map(TotalsChange::demonstration).toList()),
                Batch.texts(c, changes.stream().map(TotalsChange::meeting).toList()),
                Batch.texts(c, changes.stream().map(TotalsChange::progressSum).toList())));
    }

    @Override
    public void addItemCounts(List<ItemCount> changes) {
        Batch.on(em, c -> Batch.update(c, """
                INSERT INTO rp_township_item (township_code, standard_id, item_code, item_position, villages, met)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[])
                ON CONFLICT (township_code, standard_id, item_code) DO UPDATE SET
                  villages = rp_township_item.villages + excluded.villages, met = rp_township_item.met + excluded.met,
                  item_position = CASE WHEN excluded.item_position >= 0 THEN excluded.item_position
                    ELSE rp_township_item.item_position END""",
                Batch.texts(c, changes.stream().map(ItemCount::townshipCode).toList()),
                Batch.texts(c, changes.stream().map(ItemCount::standardId).toList()),
                Batch.texts(c, changes.stream().map(ItemCount::itemCode).toList()),
                Batch.texts(c, changes.stream().map(ItemCount::position).toList()),
                Batch.texts(c, changes.stream().map(ItemCount::villages).toList()),
                Batch.texts(c, changes.stream().map(ItemCount::met).toList())));
    }

    private void read(String sql, Collection<String> villages, Batch.Row row) {
        Batch.on(em, c -> {
            Batch.query(c, sql, row, Batch.texts(c, villages));
            return null;
        });
    }
}
