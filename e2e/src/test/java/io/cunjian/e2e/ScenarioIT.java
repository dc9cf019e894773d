package io.cunjian.e2e;

import static io.cunjian.e2e.World.LAMPS;
import static io.cunjian.e2e.World.LAMP_HEADS;
import static io.cunjian.e2e.World.TREES;
import static io.cunjian.e2e.World.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A county's programme from set-up to reports (ADR 0012, "the scenario"): 梨树县 registers two
 * townships and six villages with plans on one standard version, issues work orders, contractors
 * complete them (sending some requests twice with the same Idempotency-Key, as a phone on a poor
 * connection does), staff verify some and reject others, a district admin corrects one, cameras go
 * on and off line, inspections pass and fail. Then every figure reporting shows — per village and
 * item, and rolled up per township and county — must equal what the ledger of acknowledged writes
 * and docs/design.md's rules say.
 */
@ExtendWith(E2eStack.Extension.class)
class ScenarioIT {

    static final String COUNTY = "220322";
    static final String TOWNSHIP_A = "220322101";
    static final String TOWNSHIP_B = "220322102";
    static final String A1 = TOWNSHIP_A + "001";
    static final String A2 = TOWNSHIP_A + "002";
    static final String A3 = TOWNSHIP_A + "003";
    static final String A4 = TOWNSHIP_A + "004";
    static final String B1 = TOWNSHIP_B + "001";
    static final String B2 = TOWNSHIP_B + "002";
    static final String C1 = World.uscc("91220322MA14E2E01");
    static final String C2 = World.uscc("91220322MA14E2E02");

    @Test
    void everyReportFigureEqualsWhatTheCountyDid(E2eStack stack) throws Exception {
        long t0 = System.nanoTime();
        World world = new World(stack);
        Orders orders = new Orders(stack, Duration.ofMinutes(1));
        Api api = stack.api();
        int ledgerBefore = api.ledger().size(); // the stack (and its ledger) may have served other test classes first
        api.resetFailures();
        LocalDate today = LocalDate.now(Truth.CHINA);

        world.regions("22", "吉林省", "2203", "四平市", COUNTY, "梨树县", TOWNSHIP_A, "端到端甲乡", TOWNSHIP_B, "端到端乙乡")
                .standard()
                .village(A1, "甲一村", true).village(A2, "甲二村", true).village(A3, "甲三村", false).village(A4, "甲四村", false)
                .village(B1, "乙一村", true).village(B2, "乙二村", false)
                .contractor(C1, "端到端亮化工程有限公司").contractor(C2, "端到端绿化工程有限公司");

        List<World.Target> targets = List.of(target("street-lighting", LAMPS, 80), target("street-lighting", LAMP_HEADS, 140),
                target("greening", TREES, 100));
        Map<String, List<World.Target>> plans = new HashMap<>();
        Map<String, String> etags = new HashMap<>();
        for (String v : List.of(A1, A2, A3, A4, B1)) {
            etags.put(v, world.plan(v, targets, BigDecimal.valueOf(100)));
            plans.put(v, targets);
        }
        // A2's plan changes: 60 lamps instead of 80; a stale ETag is refused, a missing one too
        List<World.Target> a2Targets = List.of(target("street-lighting", LAMPS, 60), target("street-lighting", LAMP_HEADS, 140),
                target("greening", TREES, 100));
        Map<String, Object> a2Plan = Map.of("standardId", World.STANDARD, "deadline", today.plusYears(1).toString(),
                "workTargets", a2Targets.stream().map(t -> Api.obj("itemCode", t.item(), "categoryCode", t.category(), "quantity",
                        t.quantity())).toList(),
                "coverageTargets", List.of(Api.obj("itemCode", "camera-coverage", "requiredCoveragePercent", 100)),
                "note", "路灯改为60盏");
        assertThat(api.put("village-projects", "/api/v1/villages/" + A2 + "/plan").as(world.provinceAdmin()).json(a2Plan)
                .send().status()).as("a plan change without If-Match").isEqualTo(428);
        api.put("village-projects", "/api/v1/villages/" + A2 + "/plan").as(world.provinceAdmin()).header("If-Match", etags.get(A2))
                .json(a2Plan).expect(200);
        assertThat(api.put("village-projects", "/api/v1/villages/" + A2 + "/plan").as(world.provinceAdmin())
                .header("If-Match", etags.get(A2)).json(a2Plan).send().status()).as("a stale If-Match").isEqualTo(412);
        plans.put(A2, a2Targets);

        try (Cameras cameras = new Cameras(stack)) {
            // A1: two zones, both watched (one camera comes on line only later); A2: one of two; A3: a zone without
            // a camera; B1: a camera that falls silent
            long a1z1 = cameras.zone(A1, "东村口");
            long a1z2 = cameras.zone(A1, "文化广场");
            long a2z1 = cameras.zone(A2, "东村口");
            long a2z2 = cameras.zone(A2, "河岸");
            long a3z1 = cameras.zone(A3, "学校门口");
            long b1z1 = cameras.zone(B1, "主路");
            String a1c1 = cameras.camera(A1, a1z1, "E2E-A1-1");
            String a1c2 = cameras.camera(A1, a1z2, "E2E-A1-2");
            String a2c1 = cameras.camera(A2, a2z1, "E2E-A2-1");
            String a2c2 = cameras.camera(A2, a2z2, "E2E-A2-2");
            String b1c1 = cameras.camera(B1, b1z1, "E2E-B1-1");
            cameras.online(a1c1);
            cameras.online(a2c1);
            cameras.online(a2c2);
            cameras.online(b1c1);

            // A1: everything done and verified by two contractors; the lamp completion and the tree order's creation sent twice
            String a1Lamps = orders.create(A1, LAMPS, BigDecimal.valueOf(80), today.plusMonths(2), "a1-lamps");
            orders.issue(A1, a1Lamps, "a1-lamps");
            orders.assign(A1, a1Lamps, C1, "a1-lamps");
            orders.start(a1Lamps, C1, "a1-lamps-start");
            JsonNode first = orders.complete(a1Lamps, C1, BigDecimal.valueOf(80), "a1-lamps");
            JsonNode again = orders.complete(a1Lamps, C1, BigDecimal.valueOf(80), "a1-lamps");
            assertThat(again.path("version").asLong()).as("a completion sent twice with its key is done once").isEqualTo(first.path("version").asLong());
            orders.verify(A1, a1Lamps, "a1-lamps");
            orders.verified(A1, LAMP_HEADS, BigDecimal.valueOf(140), C2, today.plusMonths(2), "a1-heads");
            String trees = orders.create(A1, TREES, BigDecimal.valueOf(100), today.plusMonths(2), "a1-trees");
            assertThat(orders.create(A1, TREES, BigDecimal.valueOf(100), today.plusMonths(2), "a1-trees"))
                    .as("a create sent twice with its key makes one order").isEqualTo(trees);
            orders.issue(A1, trees, "a1-trees");
            orders.assign(A1, trees, C2, "a1-trees");
            orders.start(trees, C2, "a1-trees-start");
            orders.complete(trees, C2, BigDecimal.valueOf(100), "a1-trees");
            orders.verify(A1, trees, "a1-trees");
            orders.verify(A1, trees, "a1-trees"); // the staff's double tap

            // A2: 50 lamps rejected, redone as 60 and verified; 100 heads verified, corrected to 70 by the district admin
            String a2Lamps = orders.create(A2, LAMPS, BigDecimal.valueOf(60), today.plusMonths(1), "a2-lamps");
            orders.issue(A2, a2Lamps, "a2-lamps");
            orders.assign(A2, a2Lamps, C1, "a2-lamps");
            orders.start(a2Lamps, C1, "a2-lamps-start");
            orders.complete(a2Lamps, C1, BigDecimal.valueOf(50), "a2-lamps");
            orders.reject(A2, a2Lamps, "数量不足，照片不清", "a2-lamps");
            orders.start(a2Lamps, C1, "a2-lamps-restart");
            orders.complete(a2Lamps, C1, BigDecimal.valueOf(60), "a2-lamps-redo");
            orders.verify(A2, a2Lamps, "a2-lamps");
            String a2Heads = orders.verified(A2, LAMP_HEADS, BigDecimal.valueOf(100), C1, today.plusMonths(1), "a2-heads");
            JsonNode corrected = orders.correct(A2, a2Heads, BigDecimal.valueOf(70), "a2-heads");
            assertThat(corrected.path("status").asText()).isEqualTo("VERIFIED");

            // A3: one order overdue (assigned, due yesterday), one completed but not verified, one cancelled, one not due yet
            String a3Late = orders.create(A3, LAMPS, BigDecimal.TEN, today.minusDays(1), "a3-late");
            orders.issue(A3, a3Late, "a3-late");
            orders.assign(A3, a3Late, C1, "a3-late");
            String a3Done = orders.create(A3, LAMP_HEADS, BigDecimal.TEN, today.minusDays(1), "a3-done");
            orders.issue(A3, a3Done, "a3-done");
            orders.assign(A3, a3Done, C2, "a3-done");
            orders.start(a3Done, C2, "a3-done-start");
            orders.complete(a3Done, C2, BigDecimal.TEN, "a3-done");
            String a3Cancelled = orders.create(A3, TREES, BigDecimal.TEN, today.minusDays(5), "a3-cancelled");
            orders.cancel(A3, a3Cancelled, "a3-cancelled");
            String a3Later = orders.create(A3, TREES, BigDecimal.TEN, today.plusMonths(1), "a3-later");
            orders.issue(A3, a3Later, "a3-later");

            // B1: 40 of 80 lamps; B2 (no plan): an issued order three days late
            orders.verified(B1, LAMPS, BigDecimal.valueOf(40), C1, today.plusMonths(1), "b1-lamps");
            String b2Late = orders.create(B2, LAMPS, BigDecimal.ONE, today.minusDays(3), "b2-late");
            orders.issue(B2, b2Late, "b2-late");

            // inspections: the latest by day counts, whatever order they are recorded in
            world.inspection(A1, "sanitary-toilets", "PASS", today.minusDays(2), "i-a1-t");
            world.inspection(A1, "no-garbage-dumping", "PASS", today.minusDays(2), "i-a1-g");
            world.inspection(A2, "sanitary-toilets", "FAIL", today.minusDays(1), "i-a2-t2");
            world.inspection(A2, "sanitary-toilets", "PASS", today.minusDays(3), "i-a2-t1");
            world.inspection(A2, "no-garbage-dumping", "PASS", today, "i-a2-g");
            world.inspection(A3, "sanitary-toilets", "FAIL", today.minusDays(2), "i-a3-t1");
            world.inspection(A3, "sanitary-toilets", "PASS", today.minusDays(1), "i-a3-t2");
            world.inspection(B1, "sanitary-toilets", "PASS", today, "i-b1-t");
            world.inspection(B1, "no-garbage-dumping", "PASS", today, "i-b1-g");

            // cameras: A1's second camera comes on line; A2's river camera and B1's only camera fall silent
            cameras.online(a1c2);
            cameras.offline(a2c2);
            cameras.offline(b1c1);

            Map<String, Truth.Plan> scene = Map.of(
                    A1, new Truth.Plan(A1, true, plans.get(A1), BigDecimal.valueOf(100), 2, 2),
                    A2, new Truth.Plan(A2, true, plans.get(A2), BigDecimal.valueOf(100), 2, 1),
                    A3, new Truth.Plan(A3, false, plans.get(A3), BigDecimal.valueOf(100), 1, 0),
                    A4, new Truth.Plan(A4, false, plans.get(A4), BigDecimal.valueOf(100), 0, 0),
                    B1, new Truth.Plan(B1, true, plans.get(B1), BigDecimal.valueOf(100), 1, 0));
            Set<Long> blindA = Set.of(a2z2, a3z1);
            Set<Long> blindB = Set.of(b1z1);

            Map<String, JsonNode> ordersNow = Truth.orders(api.ledger());
            Map<String, Map<String, BigDecimal>> verified = Truth.verified(ordersNow);
            Map<String, Map<String, String>> verdicts = Truth.verdicts(api.ledger());
            List<Truth.Village> villages = new ArrayList<>();
            for (Truth.Plan p : scene.values()) {
                villages.add(Truth.village(p, verified.getOrDefault(p.village(), Map.of()), verdicts.getOrDefault(p.village(), Map.of())));
            }
            // the oracle itself, against the figures worked out by hand in the class comment's story
            Map<String, String> byHand = Map.of(A1, "1", A2, "0.45", A3, "0.2", A4, "0", B1, "0.45");
            villages.forEach(v -> assertThat(v.progress()).as("hand-computed progress of " + v.code())
                    .isEqualByComparingTo(byHand.get(v.code())));
            assertThat(Truth.overdue(ordersNow, COUNTY)).as("overdue orders by hand (A3's, B2's)").isEqualTo(2);

            Reports reports = new Reports(stack);
            List<Reports.Region> regions = List.of(
                    Reports.Region.of(TOWNSHIP_A, villages, Truth.overdue(ordersNow, TOWNSHIP_A), blindA),
                    Reports.Region.of(TOWNSHIP_B, villages, Truth.overdue(ordersNow, TOWNSHIP_B), blindB),
                    Reports.Region.of(COUNTY, villages, Truth.overdue(ordersNow, COUNTY), union(blindA, blindB)));
            long written = System.nanoTime();
            List<String> left = Reports.settle(Duration.ofSeconds(120), Duration.ofSeconds(3), () -> {
                List<String> d = new ArrayList<>();
                villages.forEach(v -> d.addAll(reports.differences(v)));
                regions.forEach(r -> d.addAll(reports.differences(r)));
                return d;
            });
            System.out.printf("SCENARIO: %d acknowledged writes, %d work orders; reports settled %.1f s after the last write; "
                    + "whole scenario %.1f s; answers not definite on the way: %s%n", api.ledger().size() - ledgerBefore,
                    ordersNow.values().stream().filter(o -> o.path("villageCode").asText().startsWith(COUNTY)).count(),
                    (System.nanoTime() - written) / 1e9, (System.nanoTime() - t0) / 1e9, api.failures());
            assertThat(left).as("report figures that differ from what the county did").isEmpty();
            assertThat(Payloads.scientificNumbers(stack.stack().kafka().bootstrapServers()))
                    .as("numbers published in scientific form (8E+1 for 80)").isEmpty();
        }
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
