package io.cunjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fault run: a township of its own with three planned villages, a {@link WriteStream} into it,
 * and after the fault the comparison of the ledger with what work-orders holds and what reporting
 * shows — lost and counted-twice, in orders and in verified lamps.
 */
public final class Faults {

    /** The run's seed: {@code -De2e.seed=<n>} replays a run; otherwise a fresh one, printed. */
    public static final long SEED = Long.getLong("e2e.seed", new java.security.SecureRandom().nextLong() & 0xFFFFFFFFL);

    static {
        System.out.println("E2E seed " + SEED + " (replay with -De2e.seed=" + SEED + ")");
    }

    private Faults() {
    }

    public static Run prepare(E2eStack stack, String township, String name, String contractor) {
        World world = new World(stack).regions("22", "吉林省", "2203", "四平市", township.substring(0, 6), "县" + township.substring(0, 6),
                township, name).standard().contractor(contractor, "端到端故障测试工程有限公司");
        List<String> villages = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String v = township + String.format("%03d", i);
            world.village(v, name + i + "村", false);
            world.plan(v, List.of(World.target("street-lighting", World.LAMPS, 100_000)), BigDecimal.valueOf(100));
            villages.add(v);
        }
        stack.api().resetFailures();
        return new Run(stack, township, villages, contractor, stack.api().ledger().size());
    }

    /** What a fault run found. */
    public record Outcome(long lost, long countedTwice, List<String> unsettled, List<Throwable> brokenLanes) {
    }

    public static final class Run {
        private final E2eStack stack;
        private final String township;
        private final List<String> villages;
        private final String contractor;
        private final long startedAt = System.nanoTime();
        private final int ledgerAtStart;

        Run(E2eStack stack, String township, List<String> villages, String contractor, int ledgerAtStart) {
            this.ledgerAtStart = ledgerAtStart;
            this.stack = stack;
            this.township = township;
            this.villages = villages;
            this.contractor = contractor;
        }

        public WriteStream stream(String prefix, int lanes, int ordersPerLane) {
            return new WriteStream(stack, prefix, villages, contractor, SEED, lanes, ordersPerLane);
        }

        /** Lets the writes finish, waits for the figures to settle, prints and asserts lost = 0 and counted twice = 0. */
        public Outcome settleAndCheck(WriteStream writes, String fault) throws InterruptedException {
            return settleAndCheck(writes, fault, java.util.Collections.singletonList(null));
        }

        /** The same, with the figures read from each of these reporting instances (null: the routed one). */
        public Outcome settleAndCheck(WriteStream writes, String fault, List<String> reportingInstances) throws InterruptedException {
            List<Throwable> broken = writes.finish(Duration.ofMinutes(5));
            long writesDone = System.nanoTime();
            Map<String, JsonNode> orders = new LinkedHashMap<>();
            Truth.orders(stack.api().ledger()).forEach((id, o) -> {
                if (o.path("villageCode").asText().startsWith(township)) {
                    orders.put(id, o);
                }
            });
            Map<String, Map<String, BigDecimal>> verified = Truth.verified(orders);
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("work-orders: orders held", (long) orders.size());
            expected.put("reporting: overdue orders", Truth.overdue(orders, township));
            for (String v : villages) {
                expected.put("reporting: lamps verified in " + v,
                        verified.getOrDefault(v, Map.of()).getOrDefault(World.LAMPS, BigDecimal.ZERO).longValueExact());
            }
            Ledger ledger = stack.api().ledger();
            Map<String, Long> perReporting = new LinkedHashMap<>();
            expected.put("reporting: villages with a plan", (long) ledger.where(e -> e.method().equals("PUT")
                    && e.path().startsWith("/api/v1/villages/" + township) && e.path().endsWith("/plan") && e.status() == 201).size());
            expected.put("reporting: blind zones", (long) ledger.where(e -> e.service().equals("camera-inventory")
                    && e.path().equals("/api/v1/zones") && e.answer().path("villageCode").asText().startsWith(township)).size());
            for (int r = 1; r < reportingInstances.size(); r++) {
                String from = " (reporting instance " + (r + 1) + ")";
                expected.forEach((what, n) -> {
                    if (what.startsWith("reporting:") && !what.contains("(reporting instance")) {
                        perReporting.put(what + from, n);
                    }
                });
            }
            expected.putAll(perReporting);
            List<Reports> readers = reportingInstances.stream().map(url -> new Reports(stack, url)).toList();
            String staff = stack.callers().staff(township);
            Map<String, Long> shown = new LinkedHashMap<>();
            List<String> unsettled = Reports.settle(Duration.ofSeconds(180), Duration.ofSeconds(3), () -> {
                shown.clear();
                shown.put("work-orders: orders held", stack.api().get("work-orders", "/api/v1/work-orders?region=" + township + "&size=1")
                        .as(staff).expect(200).path("total").asLong());
                for (int r = 0; r < readers.size(); r++) {
                    Reports reports = readers.get(r);
                    String from = r == 0 ? "" : " (reporting instance " + (r + 1) + ")";
                    JsonNode region = reports.region(township);
                    shown.put("reporting: overdue orders" + from, region.path("overdueWorkOrders").asLong());
                    shown.put("reporting: villages with a plan" + from, region.path("villagesWithPlan").asLong());
                    shown.put("reporting: blind zones" + from, (long) region.path("blindZones").size());
                    for (String v : villages) {
                        shown.put("reporting: lamps verified in " + v + from, lampsShown(reports.village(v)));
                    }
                }
                List<String> d = new ArrayList<>();
                expected.forEach((what, n) -> {
                    if (!n.equals(shown.get(what))) {
                        d.add(what + ": acknowledged " + n + ", shown " + shown.get(what));
                    }
                });
                return d;
            });
            long lost = 0;
            long twice = 0;
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                long s = shown.getOrDefault(e.getKey(), 0L);
                lost += Math.max(0, e.getValue() - s);
                twice += Math.max(0, s - e.getValue());
            }
            Map<Integer, Long> failures = stack.api().failures();
            long serverErrors = failures.entrySet().stream().filter(f -> f.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
            System.out.printf("FAULT RESULT %s: seed %d; %d orders (%d writes) acknowledged in %.1f s; lost %d, counted twice %d; "
                    + "5xx answers %d, no answer %d (retried with the same Idempotency-Key) %s; figures settled %.1f s after the last write%n",
                    fault, SEED, orders.size(), stack.api().ledger().size() - ledgerAtStart,
                    (writesDone - startedAt) / 1e9, lost, twice, serverErrors, failures.getOrDefault(-1, 0L), failures,
                    (System.nanoTime() - writesDone) / 1e9);
            expected.forEach((what, n) -> System.out.println("  " + what + ": acknowledged " + n + ", shown " + shown.get(what)));
            stack.api().failureSamples().forEach((status, sample) -> System.out.println("  first " + status + ": " + sample));
            Outcome o = new Outcome(lost, twice, unsettled, broken);
            assertThat(broken).as("writes that got an unexpected definite answer (seed " + SEED + ")").isEmpty();
            assertThat(lost).as("acknowledged, then lost (seed " + SEED + ")").isZero();
            assertThat(twice).as("counted twice (seed " + SEED + ")").isZero();
            assertThat(unsettled).as("figures still differing when the wait ran out (seed " + SEED + ")").isEmpty();
            // a write the system cannot take now is refused as retryable (503 + Retry-After), never as an internal error
            assertThat(failures.keySet()).as("5xx answers other than 503 (seed " + SEED + "): " + stack.api().failureSamples())
                    .allMatch(status -> status < 500 || status == 503);
            return o;
        }
    }

    static long lampsShown(JsonNode villageReport) {
        if (villageReport == null) {
            return -1;
        }
        for (JsonNode item : villageReport.path("items")) {
            for (JsonNode f : item.path("figures")) {
                if (World.LAMPS.equals(f.path("what").asText())) {
                    return f.path("done").decimalValue().longValue();
                }
            }
        }
        return 0;
    }
}
