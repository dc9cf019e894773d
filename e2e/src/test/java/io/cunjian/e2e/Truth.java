package io.cunjian.e2e;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the reports must show, computed from the {@link Ledger} (the acknowledged writes) and the
 * scenario's own plans and camera states with docs/design.md's progress table — a second, independent reading
 * of the rules, never the system's answers.
 */
public final class Truth {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final Set<String> NOT_OPEN = Set.of("COMPLETED", "VERIFIED", "CANCELLED");

    /** Every work order acknowledged at least once, as its latest acknowledged answer (highest version) shows it. */
    public static Map<String, JsonNode> orders(Ledger ledger) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (Ledger.Entry e : ledger.entries()) {
            JsonNode a = e.answer();
            if (!"work-orders".equals(e.service()) || !a.has("status") || !a.has("villageCode") || !a.has("version")) {
                continue;
            }
            latest.merge(a.path("id").asText(), a, (old, now) -> now.path("version").asLong() >= old.path("version").asLong() ? now : old);
        }
        return latest;
    }

    /** Verified quantity per village and category (a correction's quantity replaces the verified one). */
    public static Map<String, Map<String, BigDecimal>> verified(Map<String, JsonNode> orders) {
        Map<String, Map<String, BigDecimal>> v = new HashMap<>();
        orders.values().stream().filter(o -> "VERIFIED".equals(o.path("status").asText())).forEach(o ->
                v.computeIfAbsent(o.path("villageCode").asText(), k -> new HashMap<>())
                        .merge(o.path("categoryCode").asText(), o.path("verification").path("quantity").decimalValue(), BigDecimal::add));
        return v;
    }

    /** Orders still open (not completed, verified or cancelled) whose due day has passed in China, under {@code prefix}. */
    public static long overdue(Map<String, JsonNode> orders, String prefix) {
        LocalDate today = LocalDate.now(CHINA);
        return orders.values().stream().filter(o -> o.path("villageCode").asText().startsWith(prefix))
                .filter(o -> !NOT_OPEN.contains(o.path("status").asText()))
                .filter(o -> o.hasNonNull("dueDate") && LocalDate.parse(o.path("dueDate").asText()).isBefore(today))
                .count();
    }

    /** The latest verdict per village and item: by inspection day, then by when it was recorded. */
    public static Map<String, Map<String, String>> verdicts(Ledger ledger) {
        Map<String, Map<String, String>> latest = new HashMap<>();
        ledger.where(e -> e.path().endsWith("/inspections") && e.status() == 201).stream()
                .sorted(Comparator.comparing((Ledger.Entry e) -> e.answer().path("inspectedOn").asText())
                        .thenComparingLong(Ledger.Entry::seq))
                .forEach(e -> latest.computeIfAbsent(e.answer().path("villageCode").asText(), k -> new HashMap<>())
                        .put(e.answer().path("itemCode").asText(), e.answer().path("verdict").asText()));
        return latest;
    }

    /** One item as the report must show it. */
    public record Item(String code, String status, BigDecimal progress, Map<String, BigDecimal> done) {
    }

    /** A village as the report must show it. */
    public record Village(String code, boolean demonstration, List<Item> items, BigDecimal progress, boolean meets, int itemsMet) {
    }

    /** The scenario's plan and zones of a village; {@code zonesCovered} is what the cameras it keeps online cover. */
    public record Plan(String village, boolean demonstration, List<World.Target> work, BigDecimal requiredCoverage, int zones,
            int zonesCovered) {
    }

    public static Village village(Plan plan, Map<String, BigDecimal> verified, Map<String, String> verdicts) {
        List<Item> items = new java.util.ArrayList<>();
        for (String code : World.ITEMS) {
            switch (code) {
                case "street-lighting", "greening" -> {
                    Map<String, BigDecimal> done = new LinkedHashMap<>();
                    BigDecimal sum = BigDecimal.ZERO;
                    boolean all = true;
                    boolean any = false;
                    int n = 0;
                    for (World.Target t : plan.work()) {
                        if (!t.item().equals(code)) {
                            continue;
                        }
                        BigDecimal d = verified.getOrDefault(t.category(), BigDecimal.ZERO);
                        done.put(t.category(), d);
                        sum = sum.add(BigDecimal.ONE.min(d.divide(t.quantity(), MC)));
                        all &= d.compareTo(t.quantity()) >= 0;
                        any |= d.signum() > 0;
                        n++;
                    }
                    BigDecimal p = n == 0 ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(n), MC);
                    items.add(new Item(code, n > 0 && all ? "MET" : any ? "IN_PROGRESS" : "NOT_STARTED", round(p), done));
                }
                case "camera-coverage" -> {
                    BigDecimal pct = plan.zones() == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(plan.zonesCovered() * 100L).divide(BigDecimal.valueOf(plan.zones()), MC);
                    BigDecimal p = BigDecimal.ONE.min(pct.divide(plan.requiredCoverage(), MC));
                    items.add(new Item(code, p.compareTo(BigDecimal.ONE) >= 0 ? "MET" : plan.zones() == 0 ? "NOT_STARTED" : "IN_PROGRESS",
                            round(p), Map.of()));
                }
                default -> {
                    String verdict = verdicts.get(code);
                    items.add(new Item(code, verdict == null ? "NOT_STARTED" : "PASS".equals(verdict) ? "MET" : "FAILING",
                            round(verdict != null && "PASS".equals(verdict) ? BigDecimal.ONE : BigDecimal.ZERO), Map.of()));
                }
            }
        }
        BigDecimal mean = items.stream().map(Item::progress).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(items.size()), MC);
        int met = (int) items.stream().filter(i -> i.status().equals("MET")).count();
        return new Village(plan.village(), plan.demonstration(), items, round(mean), met == items.size(), met);
    }

    public static BigDecimal round(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP);
    }
}
