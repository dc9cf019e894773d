package io.cunjian.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads reporting's figures and says where they differ from the {@link Truth}. */
public final class Reports {

    private final Api api;
    private final String viewer;
    /** The reporting instance to read; null: the routed one. */
    private final String instance;

    public Reports(E2eStack stack) {
        this(stack, null);
    }

    /** Reads the reporting instance at {@code baseUrl} (scale-out). */
    public Reports(E2eStack stack, String baseUrl) {
        this.api = stack.api();
        this.viewer = stack.callers().viewer("22");
        this.instance = baseUrl;
    }

    private Api.Call get(String path) {
        Api.Call c = api.get("reporting", path).as(viewer);
        return instance == null ? c : c.at(instance);
    }

    public JsonNode village(String code) {
        Api.Answer a = get("/api/v1/reports/villages/" + code).send();
        return a.status() == 200 ? a.json() : null;
    }

    public JsonNode region(String code) {
        return get("/api/v1/reports/regions/" + code).expect(200);
    }

    /** Differences between a village's report and what it must show; empty when equal. */
    public List<String> differences(Truth.Village expected) {
        List<String> d = new ArrayList<>();
        JsonNode r = village(expected.code());
        if (r == null) {
            return List.of(expected.code() + ": no report yet");
        }
        compare(d, expected.code() + " progress", expected.progress(), r.path("progress").decimalValue());
        if (expected.meets() != r.path("meetsStandard").asBoolean()) {
            d.add(expected.code() + " meetsStandard: expected " + expected.meets());
        }
        if (expected.itemsMet() != r.path("itemsMet").asInt()) {
            d.add(expected.code() + " itemsMet: expected " + expected.itemsMet() + ", shown " + r.path("itemsMet").asInt());
        }
        Map<String, JsonNode> shown = new HashMap<>();
        r.path("items").forEach(i -> shown.put(i.path("code").asText(), i));
        for (Truth.Item item : expected.items()) {
            JsonNode s = shown.get(item.code());
            if (s == null) {
                d.add(expected.code() + " " + item.code() + ": not shown");
                continue;
            }
            String at = expected.code() + " " + item.code();
            if (!item.status().equals(s.path("status").asText())) {
                d.add(at + " status: expected " + item.status() + ", shown " + s.path("status").asText());
            }
            compare(d, at + " progress", item.progress(), s.path("progress").decimalValue());
            Map<String, BigDecimal> figures = new HashMap<>();
            s.path("figures").forEach(f -> figures.put(f.path("what").asText(), f.path("done").decimalValue()));
            item.done().forEach((category, done) -> compare(d, at + " " + category + " done", done, figures.get(category)));
        }
        return d;
    }

    /** What a region's roll-up must show. */
    public record Region(String code, long villagesWithPlan, long demonstration, long meeting, BigDecimal averageProgress,
            Map<String, Long> itemsMet, long overdue, Set<Long> blindZones) {

        public static Region of(String code, List<Truth.Village> villages, long overdue, Set<Long> blindZones) {
            List<Truth.Village> in = villages.stream().filter(v -> v.code().startsWith(code)).toList();
            BigDecimal avg = in.isEmpty() ? BigDecimal.ZERO
                    : in.stream().map(Truth.Village::progress).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(in.size()), java.math.MathContext.DECIMAL64);
            Map<String, Long> met = new HashMap<>();
            for (String item : World.ITEMS) {
                met.put(item, in.stream().filter(v -> v.items().stream().anyMatch(i -> i.code().equals(item) && i.status().equals("MET")))
                        .count());
            }
            return new Region(code, in.size(), in.stream().filter(Truth.Village::demonstration).count(),
                    in.stream().filter(Truth.Village::meets).count(), Truth.round(avg), met, overdue, new TreeSet<>(blindZones));
        }
    }

    public List<String> differences(Region e) {
        List<String> d = new ArrayList<>();
        JsonNode r = region(e.code());
        String at = "region " + e.code();
        compareLong(d, at + " villagesWithPlan", e.villagesWithPlan(), r.path("villagesWithPlan").asLong());
        compareLong(d, at + " demonstrationVillages", e.demonstration(), r.path("demonstrationVillages").asLong());
        compareLong(d, at + " villagesMeetingStandard", e.meeting(), r.path("villagesMeetingStandard").asLong());
        compare(d, at + " averageProgress", e.averageProgress(), r.path("averageProgress").decimalValue());
        compareLong(d, at + " overdueWorkOrders", e.overdue(), r.path("overdueWorkOrders").asLong());
        Map<String, Long> met = new HashMap<>();
        r.path("items").forEach(i -> {
            if (World.STANDARD.equals(i.path("standardId").asText())) {
                met.put(i.path("itemCode").asText(), i.path("met").asLong());
                compareLong(d, at + " " + i.path("itemCode").asText() + " villages", e.villagesWithPlan(), i.path("villages").asLong());
            }
        });
        e.itemsMet().forEach((item, n) -> compareLong(d, at + " " + item + " met", n, met.getOrDefault(item, 0L)));
        Set<Long> blind = new TreeSet<>();
        r.path("blindZones").forEach(z -> blind.add(z.path("zoneId").asLong()));
        if (!blind.equals(e.blindZones())) {
            d.add(at + " blindZones: expected " + e.blindZones() + ", shown " + blind);
        }
        return d;
    }

    private static void compare(List<String> d, String what, BigDecimal expected, BigDecimal shown) {
        if (shown == null || expected.compareTo(shown) != 0) {
            d.add(what + ": expected " + expected.stripTrailingZeros().toPlainString() + ", shown "
                    + (shown == null ? "nothing" : shown.stripTrailingZeros().toPlainString()));
        }
    }

    private static void compareLong(List<String> d, String what, long expected, long shown) {
        if (expected != shown) {
            d.add(what + ": expected " + expected + ", shown " + shown);
        }
    }

    /**
     * Polls until {@code differences} is empty, then looks again after {@code hold} (a record counted
     * twice may arrive late); returns the differences left when {@code timeout} ran out (empty: settled).
     */
    public static List<String> settle(Duration timeout, Duration hold, Supplier<List<String>> differences) {
        Instant giveUp = Instant.now().plus(timeout);
        List<String> last = differences.get();
        while (Instant.now().isBefore(giveUp)) {
            if (last.isEmpty()) {
                Api.sleep(hold.toMillis());
                last = differences.get();
                if (last.isEmpty()) {
                    return last;
                }
            }
            Api.sleep(1000);
            last = differences.get();
        }
        return last;
    }
}
