package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.domain.StandardProgress;

/**
 * Events of the three topics → reporting's read models (V2__progress.sql), inside the consumer's
 * transaction with the message log, so each event counts once. Facts are stored whatever order
 * they arrive in; a village's progress is recomputed from what is stored ({@link VillageProgressWriter})
 * whenever one of its facts changes, and for every village following a standard version when that
 * version arrives — so a fact that came early is applied when what it refers to comes, never lost.
 * Events come in batches (a replay from offset zero must reach tens of thousands a second), so the
 * frequent ones — work orders, cameras on and off line — are written set-based.
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
    @Inject
    VillageProgressWriter writer;

    /**
     * Applies a batch of events in arrival order. The batch is cut where the day (Asia/Shanghai)
     * changes, so that history — kept per day — sees each day's end state; within a part, facts
     * are stored first and each village touched is recomputed once, at the time of its latest event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<IncomingEvent> events) {
        List<IncomingEvent> part = new ArrayList<>();
        LocalDate day = null;
        for (IncomingEvent e : events) {
            LocalDate d = e.time().atZoneSameInstant(Reports.CHINA).toLocalDate();
            if (day != null && !d.equals(day)) {
                applyPart(part);
                part = new ArrayList<>();
            }
            day = d;
            part.add(e);
        }
        if (!part.isEmpty()) {
            applyPart(part);
        }
    }

    private void applyPart(List<IncomingEvent> events) {
        Map<String, OffsetDateTime> touched = new HashMap<>();
        Map<String, OffsetDateTime> watermarks = new HashMap<>();
        List<IncomingEvent> orders = new ArrayList<>();
        Map<String, IncomingEvent> online = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            String type = e.type();
            if (type.startsWith("cunjian.workorder.")) {
                orders.add(e);
            } else if (type.equals("cunjian.camera.online-changed.v1")) {
                // only the last state of each camera in the batch matters; nothing else writes `online`
                online.remove(e.data().get("serial").asText());
                online.put(e.data().get("serial").asText(), e);
                touch(touched, e.data().get("villageCode").asText(), e.time());
            } else if (!on(e, touched)) {
                continue; // regions are the RegionProjection's; other types are not needed here
            }
            watermarks.merge(topic(e), e.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<List<Object>, Long> offsets = new TreeMap<>(java.util.Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (Integer) k.get(1)));
        for (IncomingEvent e : events) {
            offsets.merge(List.of(e.topic(), e.partition()), e.offset() + 1, Math::max);
        }
        Batch.on(em, c -> {
            // which events these tables hold, so that a rebuild knows when it has caught up with them
            Batch.update(c, """
                    INSERT INTO rp_offset (topic, partition, next_offset) SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])
                    ON CONFLICT (topic, partition) DO UPDATE SET next_offset = greatest(rp_offset.next_offset, excluded.next_offset)""",
                    Batch.texts(c, offsets.keySet().stream().map(k -> k.get(0)).toList()),
                    Batch.texts(c, offsets.keySet().stream().map(k -> k.get(1)).toList()), Batch.texts(c, offsets.values()));
            applyOrders(c, orders, touched);
            applyOnline(c, online.values());
            writer.recompute(c, touched);
            for (Map.Entry<String, OffsetDateTime> w : new TreeMap<>(watermarks).entrySet()) {
                Batch.update(c, """
                        INSERT INTO rp_watermark (topic, last_ce_time, applied_at) VALUES (?, ?::timestamptz, ?::timestamptz)
                        ON CONFLICT (topic) DO UPDATE SET last_ce_time = greatest(rp_watermark.last_ce_time, excluded.last_ce_time),
                          applied_at = excluded.applied_at""",
                        w.getKey(), w.getValue().toString(), OffsetDateTime.now(ZoneOffset.UTC).toString());
            }
            return null;
        });
    }

    private static void touch(Map<String, OffsetDateTime> touched, String village, OffsetDateTime at) {
        touched.merge(village, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The rarer facts, one statement each; false for a type this projection does not need. */
    private boolean on(IncomingEvent e, Map<String, OffsetDateTime> touched) {
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
                touch(touched, d.get("code").asText(), e.time());
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
                    touch(touched, (String) village, e.time());
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
                touch(touched, village, e.time());
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
                touch(touched, village, e.time());
            }
        } else if (type.startsWith("cunjian.camera.")) {
            return onCamera(e, d, touched);
        } else {
            return false;
        }
        return true;
    }

    /** A work order as reporting keeps it. */
    private record Order(String id, String village, String category, String unit, String status, BigDecimal planned,
            BigDecimal verified, String due, long version) {
    }

    /**
     * Work-order events, set-based: the orders' stored rows are locked and read in one query, the
     * events folded onto them in arrival order exactly as one upsert per event would (an event
     * older than what is stored changes nothing; a verified quantity is kept until a correction),
     * then written back and the townships' open-order counts moved, one statement each.
     */
    private void applyOrders(java.sql.Connection c, List<IncomingEvent> events, Map<String, OffsetDateTime> touched)
            throws java.sql.SQLException {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Order> stored = new HashMap<>();
        Batch.query(c, """
                SELECT order_id, village_code, category_code, unit, status, planned_quantity, verified_quantity, due_date, version
                FROM rp_work_order WHERE order_id = ANY(?) ORDER BY order_id FOR UPDATE""",
                rs -> stored.put(rs.getString(1), new Order(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getLong(9))),
                Batch.texts(c, new TreeSet<>(events.stream().map(e -> e.data().get("orderId").asText()).toList())));
        Map<String, Order> now = new TreeMap<>();
        for (IncomingEvent e : events) {
            JsonNode d = e.data();
            String id = d.get("orderId").asText();
            Order was = now.containsKey(id) ? now.get(id) : stored.get(id);
            long version = d.get("version").asLong();
            if (was != null && was.version() >= version) {
                continue;
            }
            BigDecimal verified = e.type().equals("cunjian.workorder.verified.v1") ? d.get("verifiedQuantity").decimalValue()
                    : e.type().equals("cunjian.workorder.corrected.v1") ? d.get("newQuantity").decimalValue() : null;
            String due = text(d, "dueDate");
            now.put(id, new Order(id, was == null ? d.get("villageCode").asText() : was.village(),
                    was == null ? d.get("categoryCode").asText() : was.category(), was == null ? d.get("unit").asText() : was.unit(),
                    d.get("status").asText(), d.get("plannedQuantity").decimalValue(),
                    verified != null ? verified : was == null ? null : was.verified(),
                    due != null ? due : was == null ? null : was.due(), version));
            if (verified != null) {
                touch(touched, now.get(id).village(), e.time());
            }
        }
        if (now.isEmpty()) {
            return;
        }
        List<Order> rows = new ArrayList<>(now.values());
        Batch.update(c, """
                INSERT INTO rp_work_order (order_id, village_code, category_code, unit, status, planned_quantity,
                  verified_quantity, due_date, version)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                  ?::date[], ?::bigint[])
                ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, planned_quantity = excluded.planned_quantity,
                  verified_quantity = excluded.verified_quantity, due_date = excluded.due_date, version = excluded.version""",
                Batch.texts(c, rows.stream().map(Order::id).toList()), Batch.texts(c, rows.stream().map(Order::village).toList()),
                Batch.texts(c, rows.stream().map(Order::category).toList()), Batch.texts(c, rows.stream().map(Order::unit).toList()),
                Batch.texts(c, rows.stream().map(Order::status).toList()), Batch.texts(c, rows.stream().map(Order::planned).toList()),
                Batch.texts(c, rows.stream().map(Order::verified).toList()), Batch.texts(c, rows.stream().map(Order::due).toList()),
                Batch.texts(c, rows.stream().map(Order::version).toList()));
        // (township, due date) → change in open orders; sorted so that two writers never deadlock
        java.util.SortedMap<List<String>, Integer> open = Batch.byKey();
        for (Order order : rows) {
            Order was = stored.get(order.id());
            if (was != null && open(was.status()) && was.due() != null) {
                open.merge(List.of(was.village().substring(0, 9), was.due()), -1, Integer::sum);
            }
            if (open(order.status()) && order.due() != null) {
                open.merge(List.of(order.village().substring(0, 9), order.due()), 1, Integer::sum);
            }
        }
        // (village, category) → change in verified quantity: what an order counts is its verified
        // quantity while it is VERIFIED
        java.util.SortedMap<List<String>, BigDecimal> verified = Batch.byKey();
        for (Order order : rows) {
            Order was = stored.get(order.id());
            if (was != null && counted(was)) {
                verified.merge(List.of(was.village(), was.category()), was.verified().negate(), BigDecimal::add);
            }
            if (counted(order)) {
                verified.merge(List.of(order.village(), order.category()), order.verified(), BigDecimal::add);
            }
        }
        Batch.addTo(c, """
                INSERT INTO rp_village_verified (village_code, category_code, quantity)
                SELECT * FROM unnest(?::text[], ?::text[], ?::numeric[])
                ON CONFLICT (village_code, category_code) DO UPDATE SET
                  quantity = rp_village_verified.quantity + excluded.quantity""", verified);
        Batch.addTo(c, """
                INSERT INTO rp_township_open_orders (township_code, due_date, open_orders)
                SELECT * FROM unnest(?::text[], ?::date[], ?::int[])
                ON CONFLICT (township_code, due_date) DO UPDATE SET
                  open_orders = rp_township_open_orders.open_orders + excluded.open_orders""", open);
    }

    /** Cameras going on or off line: the last state of each in the batch, one statement. */
    private void applyOnline(java.sql.Connection c, java.util.Collection<IncomingEvent> events) throws java.sql.SQLException {
        if (events.isEmpty()) {
            return;
        }
        List<JsonNode> rows = events.stream().map(IncomingEvent::data)
                .sorted(java.util.Comparator.comparing(d -> d.get("serial").asText())).toList();
        Batch.update(c, """
                INSERT INTO rp_camera (serial, village_code, lifecycle, online)
                SELECT serial, village, 'INSTALLED', online FROM unnest(?::text[], ?::text[], ?::boolean[]) AS t(serial, village, online)
                ON CONFLICT (serial) DO UPDATE SET online = excluded.online""",
                Batch.texts(c, rows.stream().map(d -> d.get("serial").asText()).toList()),
                Batch.texts(c, rows.stream().map(d -> d.get("villageCode").asText()).toList()),
                Batch.texts(c, rows.stream().map(d -> d.get("online").asBoolean()).toList()));
    }

    private boolean onCamera(IncomingEvent e, JsonNode d, Map<String, OffsetDateTime> touched) {
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
            default -> {
                return false;
            }
        }
        touch(touched, village, e.time());
        return true;
    }

    private static boolean counted(Order order) {
        return order.status().equals("VERIFIED") && order.verified() != null;
    }

    static boolean open(String status) {
        return !status.equals("COMPLETED") && !status.equals("VERIFIED") && !status.equals("CANCELLED");
    }

    /** The topic without the test prefix, as reports name it. */
    private static String topic(IncomingEvent e) {
        return e.topic().replaceFirst("^.*?(village|workorder|camera)\\.events$", "$1.events");
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
