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
    @Inject
    RegionRollUp rollUp;

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
            return rollUp.of(prefix);
        } finally {
            sample.stop(Timer.builder("cunjian.reporting.rollup").description("time to compute a region's roll-up")
                    .tag("level", RegionCode.parse(prefix).map(RegionCode::level).orElse("unknown"))
                    .serviceLevelObjectives(ROLLUP_BUCKETS).register(registry));
        }
    }

    /** The freshness of the oldest-applied topic: when the last event was written and how long it took to apply. */
    @Override
    @Transactional
    public Freshness freshness() {
        List<?> rows = em.createNativeQuery("SELECT min(last_ce_time), min(applied_at), max(last_ce_time) FROM rp_watermark")
                .getResultList();
        Object[] r = (Object[]) rows.get(0);
        return RegionRollUp.freshness(time(r[0]), time(r[1]), time(r[2]));
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
