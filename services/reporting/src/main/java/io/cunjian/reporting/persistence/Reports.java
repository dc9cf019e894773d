package io.cunjian.reporting.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.ProgressReports;
import io.cunjian.reporting.domain.StandardProgress;

/** {@link ProgressReports} from the read models. */
@ApplicationScoped
class Reports implements ProgressReports {

    static final TypeReference<List<StandardProgress.Figure>> FIGURES = new TypeReference<>() {
    };

    /** Buckets around the roll-up's goal (p99 under 10 ms at a city of 1,000 villages, docs/benchmarks/reporting-rollup.md). */
    private static final Duration[] ROLLUP_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(100), Duration.ofMillis(500)};

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @Override
    @Transactional
    public List<VillageRow> villages(String prefix) {
        Map<String, VillageRow> rows = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT p.village_code, coalesce(v.name, p.village_code), coalesce(v.township_code, substr(p.village_code, 1, 9)),
                       coalesce(v.demonstration, false), p.standard_id, p.progress, p.meets, p.items_met, p.items_total
                FROM rp_village_progress p LEFT JOIN rp_village v ON v.code = p.village_code
                WHERE p.village_code LIKE :like ORDER BY p.village_code""").setParameter("like", prefix + "%").getResultList()) {
            Object[] r = (Object[]) row;
            rows.put((String) r[0], new VillageRow((String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4],
                    (BigDecimal) r[5], (Boolean) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                    new LinkedHashMap<>()));
        }
        for (Object row : em.createNativeQuery("""
                SELECT village_code, item_code, status FROM rp_item_progress WHERE village_code LIKE :like
                ORDER BY village_code, item_position""").setParameter("like", prefix + "%").getResultList()) {
            Object[] r = (Object[]) row;
            VillageRow v = rows.get((String) r[0]);
            if (v != null) {
                v.itemStatus().put((String) r[1], (String) r[2]);
            }
        }
        return List.copyOf(rows.values());
    }

    /** The items of the given standard versions, each code once, in the order the versions list them. */
    @Override
    @Transactional
    public List<ItemLabel> itemLabels(java.util.Collection<String> standardIds) {
        Map<String, ItemLabel> labels = new LinkedHashMap<>();
        for (String id : new java.util.TreeSet<>(standardIds)) {
            List<?> items = em.createNativeQuery("SELECT items FROM rp_standard WHERE id = :id").setParameter("id", id)
                    .getResultList();
            if (!items.isEmpty()) {
                for (JsonNode item : JsonText.tree((String) items.get(0))) {
                    labels.putIfAbsent(item.get("code").asText(), new ItemLabel(item.get("code").asText(),
                            item.get("labelZh").asText(), item.get("labelEn").asText()));
                }
            }
        }
        return List.copyOf(labels.values());
    }

    @Override
    @Transactional
    public Optional<VillageReport> village(String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT p.village_code, v.name, v.township_code, v.demonstration, p.standard_id, s.name_zh, s.illustrative,
                       p.progress, p.meets, p.items_met, p.items_total, p.since, s.items
                FROM rp_village_progress p JOIN rp_standard s ON s.id = p.standard_id
                LEFT JOIN rp_village v ON v.code = p.village_code WHERE p.village_code = :v""")
                .setParameter("v", code).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        Map<String, JsonNode> labels = new LinkedHashMap<>();
        for (JsonNode item : JsonText.tree((String) r[12])) {
            labels.put(item.get("code").asText(), item);
        }
        Map<String, String[]> categories = categoryNames();
        List<ItemReport> items = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                SELECT item_code, status, progress, figures, since FROM rp_item_progress
                WHERE village_code = :v ORDER BY item_position""").setParameter("v", code).getResultList()) {
            Object[] i = (Object[]) row;
            JsonNode label = labels.get((String) i[0]);
            List<Figure> figures = JsonText.read((String) i[3], FIGURES).stream()
                    .map(f -> figure(f, categories)).toList();
            items.add(new ItemReport((String) i[0], label.get("kind").asText(), label.get("measure").asText(),
                    label.get("labelZh").asText(), label.get("labelEn").asText(), (String) i[1], (BigDecimal) i[2], figures,
                    time(i[4])));
        }
        return Optional.of(new VillageReport((String) r[0], (String) r[1], (String) r[2], r[3] != null && (Boolean) r[3],
                (String) r[4], (String) r[5], (Boolean) r[6], (BigDecimal) r[7], (Boolean) r[8], ((Number) r[9]).intValue(),
                ((Number) r[10]).intValue(), time(r[11]), items, freshness()));
    }

    @Override
    @Transactional
    public RegionReport region(String prefix) {
        // Roll-up latency per level, for the dashboard; the level is one of five words, never a code.
        Timer.Sample sample = Timer.start(registry);
        try {
            return rollUp(prefix);
        } finally {
            sample.stop(Timer.builder("cunjian.reporting.rollup").description("time to compute a region's roll-up")
                    .tag("level", RegionCode.parse(prefix).map(RegionCode::level).orElse("unknown"))
                    .serviceLevelObjectives(ROLLUP_BUCKETS).register(registry));
        }
    }

    private RegionReport rollUp(String prefix) {
        String like = prefix + "%";
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT coalesce(sum(villages), 0), coalesce(sum(demonstration), 0), coalesce(sum(meeting), 0),
                       coalesce(sum(progress_sum) / nullif(sum(villages), 0), 0)
                FROM rp_township_totals WHERE township_code LIKE :like""").setParameter("like", like).getSingleResult();
        Map<String, Map<String, String[]>> labels = new java.util.HashMap<>();
        List<ItemShare> shares = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                SELECT standard_id, item_code, sum(villages), sum(met), min(item_position)
                FROM rp_township_item WHERE township_code LIKE :like
                GROUP BY standard_id, item_code HAVING sum(villages) > 0 ORDER BY standard_id, min(item_position)""")
                .setParameter("like", like).getResultList()) {
            Object[] r = (Object[]) row;
            long villages = ((Number) r[2]).longValue();
            long met = ((Number) r[3]).longValue();
            String[] label = itemLabel(labels, (String) r[0], (String) r[1]);
            shares.add(new ItemShare((String) r[0], (String) r[1], label[0], label[1], villages, met,
                    BigDecimal.valueOf(met).divide(BigDecimal.valueOf(villages), 4, RoundingMode.HALF_UP)));
        }
        List<Laggard> laggards = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                SELECT p.village_code, coalesce(v.name, p.village_code), p.progress, p.items_met, p.items_total
                FROM rp_village_progress p LEFT JOIN rp_village v ON v.code = p.village_code
                WHERE p.village_code LIKE :like AND NOT p.meets ORDER BY p.progress, p.village_code LIMIT 10""")
                .setParameter("like", like).getResultList()) {
            Object[] r = (Object[]) row;
            laggards.add(new Laggard((String) r[0], (String) r[1], (BigDecimal) r[2], ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue()));
        }
        List<MissingItem> missing = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                SELECT item_code, min(standard_id), sum(villages - met) FROM rp_township_item
                WHERE township_code LIKE :like
                GROUP BY item_code HAVING sum(villages - met) > 0 ORDER BY sum(villages - met) DESC, item_code LIMIT 10""")
                .setParameter("like", like).getResultList()) {
            Object[] r = (Object[]) row;
            String[] label = itemLabel(labels, (String) r[1], (String) r[0]);
            missing.add(new MissingItem((String) r[0], label[0], label[1], ((Number) r[2]).longValue()));
        }
        Number overdue = (Number) em.createNativeQuery("""
                SELECT coalesce(sum(open_orders), 0) FROM rp_township_open_orders
                WHERE township_code LIKE :like AND due_date < :today""")
                .setParameter("like", like).setParameter("today", LocalDate.now(ChinaTime.ZONE)).getSingleResult();
        List<BlindZone> blind = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                SELECT z.zone_id, z.village_code, coalesce(v.name, z.village_code), z.name FROM rp_zone z
                LEFT JOIN rp_village v ON v.code = z.village_code
                WHERE z.village_code LIKE :like AND NOT z.covered ORDER BY z.village_code, z.name LIMIT 200""")
                .setParameter("like", like).getResultList()) {
            Object[] r = (Object[]) row;
            blind.add(new BlindZone(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
        }
        return new RegionReport(prefix, ((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(), ((BigDecimal) totals[3]).setScale(4, RoundingMode.HALF_UP), shares, laggards,
                missing, overdue.longValue(), blind, freshness());
    }

    /** The freshness of the oldest-applied topic: when the last event was written and how long it took to apply. */
    @Override
    @Transactional
    public Freshness freshness() {
        List<?> rows = em.createNativeQuery("SELECT min(last_ce_time), min(applied_at), max(last_ce_time) FROM rp_watermark")
                .getResultList();
        Object[] r = (Object[]) rows.get(0);
        if (r[0] == null) {
            return new Freshness(null, null, null);
        }
        OffsetDateTime last = time(r[2]);
        OffsetDateTime applied = time(r[1]);
        return new Freshness(last, applied, Math.max(0, Duration.between(time(r[0]), applied).toMillis()) / 1000.0);
    }

    /**
     * An item's {zh, en} labels from its standard version (the code for both when the version has not
     * arrived); each standard's items are read once per report ({@code labels} caches them).
     */
    private String[] itemLabel(Map<String, Map<String, String[]>> labels, String standardId, String itemCode) {
        Map<String, String[]> items = labels.computeIfAbsent(standardId, id -> {
            Map<String, String[]> byCode = new java.util.HashMap<>();
            List<?> found = em.createNativeQuery("SELECT items FROM rp_standard WHERE id = :id").setParameter("id", id)
                    .getResultList();
            if (!found.isEmpty()) {
                for (JsonNode item : JsonText.tree((String) found.get(0))) {
                    byCode.put(item.get("code").asText(), new String[] {item.get("labelZh").asText(), item.get("labelEn").asText()});
                }
            }
            return byCode;
        });
        return items.getOrDefault(itemCode, new String[] {itemCode, itemCode});
    }

    private Map<String, String[]> categoryNames() {
        Map<String, String[]> names = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT code, name_zh, name_en FROM rp_category").getResultList()) {
            Object[] r = (Object[]) row;
            names.put((String) r[0], new String[] {(String) r[1], (String) r[2]});
        }
        return names;
    }

    private static Figure figure(StandardProgress.Figure f, Map<String, String[]> categories) {
        String[] names = switch (f.what()) {
            case "coverage-percent" -> new String[] {"监控覆盖率", "Camera coverage"};
            case "operational-cameras" -> new String[] {"在线运行摄像头", "Operational cameras"};
            default -> categories.getOrDefault(f.what(), new String[] {f.what(), f.what()});
        };
        return new Figure(f.what(), names[0], names[1], f.done(), f.target(), f.unit());
    }

    /** A timestamp as JDBC or Hibernate hands it over (OffsetDateTime, Instant or Timestamp). */
    public static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
