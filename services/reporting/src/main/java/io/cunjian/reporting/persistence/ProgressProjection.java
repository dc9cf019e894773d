package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.StandardProgress;

/**
 * Events of the three topics → reporting's read models (V2__progress.sql), inside the consumer's
 * transaction with the message log, so each event counts once. Facts are stored whatever order
 * they arrive in; a village's progress is recomputed from what is stored whenever one of its facts
 * changes, and for every village following a standard version when that version arrives — so a
 * fact that came early is applied when what it refers to comes, never lost.
 */
@ApplicationScoped
public class ProgressProjection {

    static final TypeReference<List<StandardProgress.WorkTarget>> WORK = new TypeReference<>() {
    };
    static final TypeReference<List<StandardProgress.CoverageTarget>> COVERAGE = new TypeReference<>() {
    };
    static final TypeReference<List<StandardProgress.Figure>> FIGURES = new TypeReference<>() {
    };

    /** An item as history keeps it. */
    public record HistoryItem(String code, String status, BigDecimal progress) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(IncomingEvent e) {
        JsonNode d = e.data();
        String type = e.type();
        if (type.startsWith("cunjian.village.")) {
            int changed = execute("""
                    INSERT INTO rp_village (code, name, township_code, demonstration, version)
                    VALUES (:code, :name, :township, :demonstration, :version)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, township_code = excluded.township_code,
                      demonstration = excluded.demonstration, version = excluded.version
                    WHERE rp_village.version < excluded.version""",
                    Map.of("code", d.get("code").asText(), "name", d.get("name").asText(),
                            "township", d.get("townshipCode").asText(), "demonstration", d.get("demonstration").asBoolean(),
                            "version", d.get("version").asLong()));
            if (changed > 0) {
                recompute(d.get("code").asText(), e.time());
            }
        } else if (type.startsWith("cunjian.category.")) {
            String code = d.get("code").asText();
            if (type.equals("cunjian.category.defined.v1")) {
                execute("""
                        INSERT INTO rp_category (code, name_zh, name_en, unit, work_group, version)
                        VALUES (:code, :zh, :en, :unit, :group, :version) ON CONFLICT (code) DO NOTHING""",
                        Map.of("code", code, "zh", d.get("nameZh").asText(), "en", d.get("nameEn").asText(),
                                "unit", d.get("unit").asText(), "group", d.get("group").asText(), "version", d.get("version").asLong()));
            } else if (type.equals("cunjian.category.renamed.v1")) {
                execute("""
                        UPDATE rp_category SET name_zh = :zh, name_en = :en, version = :version
                        WHERE code = :code AND version < :version""",
                        Map.of("code", code, "zh", d.get("nameZh").asText(), "en", d.get("nameEn").asText(),
                                "version", d.get("version").asLong()));
            }
        } else if (type.equals("cunjian.standard.published.v1")) {
            String id = d.get("id").asText();
            int inserted = execute("""
                    INSERT INTO rp_standard (id, scope, name_zh, name_en, illustrative, items)
                    VALUES (:id, :scope, :zh, :en, :illustrative, :items) ON CONFLICT (id) DO NOTHING""",
                    Map.of("id", id, "scope", d.get("scope").asText(), "zh", d.get("nameZh").asText(),
                            "en", d.get("nameEn").asText(), "illustrative", d.get("illustrative").asBoolean(),
                            "items", d.get("items").toString()));
            if (inserted > 0) {
                // plans that arrived before their standard are applied now
                List<?> waiting = em.createNativeQuery("SELECT village_code FROM rp_plan WHERE standard_id = :id ORDER BY 1")
                        .setParameter("id", id).getResultList();
                for (Object village : waiting) {
                    recompute((String) village, e.time());
                }
            }
        } else if (type.equals("cunjian.plan.set.v1") || type.equals("cunjian.plan.changed.v1")) {
            String village = d.get("villageCode").asText();
            int changed = execute("""
                    INSERT INTO rp_plan (village_code, revision, standard_id, deadline, work_targets, coverage_targets)
                    VALUES (:village, :revision, :standard, CAST(:deadline AS date), :work, :coverage)
                    ON CONFLICT (village_code) DO UPDATE SET revision = excluded.revision, standard_id = excluded.standard_id,
                      deadline = excluded.deadline, work_targets = excluded.work_targets, coverage_targets = excluded.coverage_targets
                    WHERE rp_plan.revision < excluded.revision""",
                    params("village", village, "revision", d.get("revision").asInt(), "standard", d.get("standardId").asText(),
                            "deadline", text(d, "deadline"), "work", d.get("workTargets").toString(),
                            "coverage", d.get("coverageTargets").toString()));
            if (changed > 0) {
                recompute(village, e.time());
            }
        } else if (type.equals("cunjian.inspection.recorded.v1")) {
            String village = d.get("villageCode").asText();
            int changed = execute("""
                    INSERT INTO rp_inspection (village_code, item_code, verdict, inspected_on, ce_time)
                    VALUES (:village, :item, :verdict, CAST(:on AS date), :time)
                    ON CONFLICT (village_code, item_code) DO UPDATE SET verdict = excluded.verdict,
                      inspected_on = excluded.inspected_on, ce_time = excluded.ce_time
                    WHERE (rp_inspection.inspected_on, rp_inspection.ce_time) < (excluded.inspected_on, excluded.ce_time)""",
                    Map.of("village", village, "item", d.get("itemCode").asText(), "verdict", d.get("verdict").asText(),
                            "on", d.get("inspectedOn").asText(), "time", e.time()));
            if (changed > 0) {
                recompute(village, e.time());
            }
        } else if (type.startsWith("cunjian.workorder.")) {
            onWorkOrder(e, d);
        } else if (type.startsWith("cunjian.camera.")) {
            onCamera(e, d);
        } else {
            return; // regions are the RegionProjection's; other types are not needed here
        }
        watermark(e);
    }

    private void onWorkOrder(IncomingEvent e, JsonNode d) {
        String village = d.get("villageCode").asText();
        String orderId = d.get("orderId").asText();
        List<?> old = em.createNativeQuery("SELECT status, due_date, version FROM rp_work_order WHERE order_id = :id FOR UPDATE")
                .setParameter("id", orderId).getResultList();
        // the verified quantity: set by verification, replaced by a correction, otherwise kept
        BigDecimal verified = e.type().equals("cunjian.workorder.verified.v1") ? d.get("verifiedQuantity").decimalValue()
                : e.type().equals("cunjian.workorder.corrected.v1") ? d.get("newQuantity").decimalValue() : null;
        int changed = execute("""
                INSERT INTO rp_work_order (order_id, village_code, category_code, unit, status, planned_quantity,
                  verified_quantity, due_date, version)
                VALUES (:id, :village, :category, :unit, :status, :planned, :verified, CAST(:due AS date), :version)
                ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, planned_quantity = excluded.planned_quantity,
                  verified_quantity = COALESCE(excluded.verified_quantity, rp_work_order.verified_quantity),
                  due_date = COALESCE(excluded.due_date, rp_work_order.due_date), version = excluded.version
                WHERE rp_work_order.version < excluded.version""",
                params("id", d.get("orderId").asText(), "village", village, "category", d.get("categoryCode").asText(),
                        "unit", d.get("unit").asText(), "status", d.get("status").asText(),
                        "planned", d.get("plannedQuantity").decimalValue(), "verified", verified, "due", text(d, "dueDate"),
                        "version", d.get("version").asLong()));
        if (changed > 0) {
            if (!old.isEmpty()) {
                Object[] was = (Object[]) old.get(0);
                if (open((String) was[0])) {
                    countOpenOrder(village, was[1], -1);
                }
            }
            Object[] now = (Object[]) em.createNativeQuery("SELECT status, due_date FROM rp_work_order WHERE order_id = :id")
                    .setParameter("id", orderId).getSingleResult();
            if (open((String) now[0])) {
                countOpenOrder(village, now[1], 1);
            }
        }
        if (changed > 0 && verified != null) {
            recompute(village, e.time());
        }
    }

    private void onCamera(IncomingEvent e, JsonNode d) {
        String village = d.get("villageCode").asText();
        switch (e.type()) {
            case "cunjian.camera.zone-defined.v1", "cunjian.camera.zone-changed.v1" -> execute("""
                    INSERT INTO rp_zone (zone_id, village_code, name, covered) VALUES (:zone, :village, :name, :covered)
                    ON CONFLICT (zone_id) DO UPDATE SET name = excluded.name, covered = excluded.covered""",
                    Map.of("zone", d.get("zoneId").asLong(), "village", village, "name", d.get("name").asText(),
                            "covered", d.get("covered").asBoolean()));
            case "cunjian.camera.zone-coverage-changed.v1" -> execute("""
                    INSERT INTO rp_zone (zone_id, village_code, name, covered) VALUES (:zone, :village, :name, :covered)
                    ON CONFLICT (zone_id) DO UPDATE SET covered = excluded.covered""",
                    Map.of("zone", d.get("zoneId").asLong(), "village", village, "name", d.get("zoneName").asText(),
                            "covered", d.get("covered").asBoolean()));
            case "cunjian.camera.registered.v1", "cunjian.camera.updated.v1" -> execute("""
                    INSERT INTO rp_camera (serial, village_code, lifecycle) VALUES (:serial, :village, :lifecycle)
                    ON CONFLICT (serial) DO UPDATE SET village_code = excluded.village_code, lifecycle = excluded.lifecycle""",
                    Map.of("serial", d.get("serial").asText(), "village", village, "lifecycle", d.get("lifecycle").asText()));
            case "cunjian.camera.lifecycle-changed.v1" -> execute("""
                    INSERT INTO rp_camera (serial, village_code, lifecycle) VALUES (:serial, :village, :lifecycle)
                    ON CONFLICT (serial) DO UPDATE SET lifecycle = excluded.lifecycle""",
                    Map.of("serial", d.get("serial").asText(), "village", village, "lifecycle", d.get("to").asText()));
            case "cunjian.camera.decommissioned.v1" -> execute("""
                    INSERT INTO rp_camera (serial, village_code, lifecycle) VALUES (:serial, :village, 'DECOMMISSIONED')
                    ON CONFLICT (serial) DO UPDATE SET lifecycle = 'DECOMMISSIONED'""",
                    Map.of("serial", d.get("serial").asText(), "village", village));
            case "cunjian.camera.online-changed.v1" -> execute("""
                    INSERT INTO rp_camera (serial, village_code, lifecycle, online) VALUES (:serial, :village, 'INSTALLED', :online)
                    ON CONFLICT (serial) DO UPDATE SET online = excluded.online""",
                    Map.of("serial", d.get("serial").asText(), "village", village, "online", d.get("online").asBoolean()));
            default -> {
                return;
            }
        }
        recompute(village, e.time());
    }

    /**
     * Recomputes a village's progress from its stored facts. Without a plan, or while its plan's
     * standard version has not arrived, there is nothing to compute (yet). Serialised per village,
     * since the three topics' consumers may touch the same village at once.
     */
    void recompute(String village, OffsetDateTime at) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:v))").setParameter("v", village).getSingleResult();
        List<?> plan = em.createNativeQuery("""
                SELECT p.standard_id, p.work_targets, p.coverage_targets, s.items FROM rp_plan p
                JOIN rp_standard s ON s.id = p.standard_id WHERE p.village_code = :v""").setParameter("v", village)
                .getResultList();
        if (plan.isEmpty()) {
            return;
        }
        Object[] p = (Object[]) plan.get(0);
        String standardId = (String) p[0];
        List<StandardProgress.Item> items = new ArrayList<>();
        for (JsonNode item : JsonText.tree((String) p[3])) {
            items.add(new StandardProgress.Item(item.get("code").asText(), item.get("kind").asText(),
                    StandardProgress.Measure.valueOf(item.get("measure").asText())));
        }
        StandardProgress.VillageProgress progress = StandardProgress.of(items, JsonText.read((String) p[1], WORK),
                JsonText.read((String) p[2], COVERAGE), evidence(village));

        Map<String, Object[]> before = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT item_code, status, since, standard_id FROM rp_item_progress WHERE village_code = :v ORDER BY item_code""")
                .setParameter("v", village).getResultList()) {
            Object[] r = (Object[]) row;
            before.put((String) r[0], r);
            countItem(village, (String) r[3], (String) r[0], 0, -1, "MET".equals(r[1]) ? -1 : 0);
        }
        em.createNativeQuery("DELETE FROM rp_item_progress WHERE village_code = :v").setParameter("v", village).executeUpdate();
        int position = 0;
        for (StandardProgress.ItemProgress item : progress.items()) {
            Object[] old = before.get(item.code());
            Object since = old != null && item.status().name().equals(old[1]) ? old[2] : at;
            em.createNativeQuery("""
                    INSERT INTO rp_item_progress (village_code, item_code, standard_id, item_position, status, progress, figures, since)
                    VALUES (:v, :item, :standard, :position, :status, :progress, :figures, :since)""")
                    .setParameter("v", village).setParameter("item", item.code()).setParameter("standard", standardId)
                    .setParameter("position", position++).setParameter("status", item.status().name())
                    .setParameter("progress", item.progress()).setParameter("figures", JsonText.write(item.figures()))
                    .setParameter("since", since).executeUpdate();
        }
        progress.items().stream().sorted(java.util.Comparator.comparing(StandardProgress.ItemProgress::code)).forEach(item ->
                countItem(village, standardId, item.code(), positionOf(progress, item), 1,
                        item.status() == StandardProgress.Status.MET ? 1 : 0));
        List<?> previous = em.createNativeQuery(
                "SELECT progress, meets, standard_id, since FROM rp_village_progress WHERE village_code = :v")
                .setParameter("v", village).getResultList();
        Object[] prev = previous.isEmpty() ? null : (Object[]) previous.get(0);
        boolean same = prev != null && ((BigDecimal) prev[0]).compareTo(progress.progress()) == 0
                && prev[1].equals(progress.meets()) && prev[2].equals(standardId);
        em.createNativeQuery("""
                INSERT INTO rp_village_progress (village_code, standard_id, progress, meets, items_met, items_total, since, updated_at)
                VALUES (:v, :standard, :progress, :meets, :met, :total, :since, :at)
                ON CONFLICT (village_code) DO UPDATE SET standard_id = excluded.standard_id, progress = excluded.progress,
                  meets = excluded.meets, items_met = excluded.items_met, items_total = excluded.items_total,
                  since = excluded.since, updated_at = excluded.updated_at""")
                .setParameter("v", village).setParameter("standard", standardId).setParameter("progress", progress.progress())
                .setParameter("meets", progress.meets()).setParameter("met", progress.itemsMet())
                .setParameter("total", progress.items().size()).setParameter("since", same ? prev[3] : at)
                .setParameter("at", at).executeUpdate();
        String itemsJson = JsonText.write(progress.items().stream()
                .map(i -> new HistoryItem(i.code(), i.status().name(), i.progress())).toList());
        List<?> lastHistory = em.createNativeQuery("""
                SELECT items FROM rp_village_progress_history WHERE village_code = :v ORDER BY ce_time DESC, id DESC LIMIT 1""")
                .setParameter("v", village).getResultList();
        if (lastHistory.isEmpty() || !lastHistory.get(0).equals(itemsJson)) {
            em.createNativeQuery("""
                    INSERT INTO rp_village_progress_history (village_code, ce_time, standard_id, progress, meets, items)
                    VALUES (:v, :at, :standard, :progress, :meets, :items)""")
                    .setParameter("v", village).setParameter("at", at).setParameter("standard", standardId)
                    .setParameter("progress", progress.progress()).setParameter("meets", progress.meets())
                    .setParameter("items", itemsJson).executeUpdate();
        }
    }

    /** Adds to the township's counts of villages following an item and meeting it (rows sorted by item: no deadlocks). */
    private void countItem(String village, String standardId, String item, int position, int villages, int met) {
        em.createNativeQuery("""
                INSERT INTO rp_township_item (township_code, standard_id, item_code, item_position, villages, met)
                VALUES (:t, :s, :i, :p, :villages, :met)
                ON CONFLICT (township_code, standard_id, item_code) DO UPDATE SET
                  villages = rp_township_item.villages + excluded.villages, met = rp_township_item.met + excluded.met,
                  item_position = CASE WHEN excluded.villages > 0 THEN excluded.item_position ELSE rp_township_item.item_position END""")
                .setParameter("t", village.substring(0, 9)).setParameter("s", standardId).setParameter("i", item)
                .setParameter("p", position).setParameter("villages", villages).setParameter("met", met).executeUpdate();
    }

    private static int positionOf(StandardProgress.VillageProgress progress, StandardProgress.ItemProgress item) {
        return progress.items().indexOf(item);
    }

    /** Moves an order between the township's open-order counts when its openness or due date changes. */
    private void countOpenOrder(String village, Object dueDate, int delta) {
        if (dueDate == null) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO rp_township_open_orders (township_code, due_date, open_orders) VALUES (:t, CAST(:d AS date), :n)
                ON CONFLICT (township_code, due_date) DO UPDATE SET open_orders = rp_township_open_orders.open_orders + excluded.open_orders""")
                .setParameter("t", village.substring(0, 9)).setParameter("d", dueDate.toString()).setParameter("n", delta)
                .executeUpdate();
    }

    static boolean open(String status) {
        return !status.equals("COMPLETED") && !status.equals("VERIFIED") && !status.equals("CANCELLED");
    }

    private StandardProgress.Evidence evidence(String village) {
        Map<String, BigDecimal> verified = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT category_code, sum(verified_quantity) FROM rp_work_order
                WHERE village_code = :v AND status = 'VERIFIED' AND verified_quantity IS NOT NULL GROUP BY category_code""")
                .setParameter("v", village).getResultList()) {
            Object[] r = (Object[]) row;
            verified.put((String) r[0], (BigDecimal) r[1]);
        }
        Object[] zones = (Object[]) em.createNativeQuery(
                "SELECT count(*), count(*) FILTER (WHERE covered) FROM rp_zone WHERE village_code = :v")
                .setParameter("v", village).getSingleResult();
        Number cameras = (Number) em.createNativeQuery(
                "SELECT count(*) FROM rp_camera WHERE village_code = :v AND lifecycle = 'OPERATIONAL' AND online")
                .setParameter("v", village).getSingleResult();
        Map<String, String> verdicts = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT item_code, verdict FROM rp_inspection WHERE village_code = :v")
                .setParameter("v", village).getResultList()) {
            Object[] r = (Object[]) row;
            verdicts.put((String) r[0], (String) r[1]);
        }
        return new StandardProgress.Evidence(verified, ((Number) zones[0]).intValue(), ((Number) zones[1]).intValue(),
                cameras.intValue(), verdicts);
    }

    private void watermark(IncomingEvent e) {
        String topic = e.topic().replaceFirst("^.*?(village|workorder|camera)\\.events$", "$1.events");
        em.createNativeQuery("""
                INSERT INTO rp_watermark (topic, last_ce_time, applied_at) VALUES (:topic, :time, :now)
                ON CONFLICT (topic) DO UPDATE SET last_ce_time = greatest(rp_watermark.last_ce_time, excluded.last_ce_time),
                  applied_at = excluded.applied_at""")
                .setParameter("topic", topic).setParameter("time", e.time())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    private int execute(String sql, Map<String, ?> parameters) {
        Query q = em.createNativeQuery(sql);
        parameters.forEach(q::setParameter);
        return q.executeUpdate();
    }

    /** Map.of refuses nulls; several event fields are optional. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }



}
