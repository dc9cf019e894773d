package io.cunjian.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** docs/design.md's progress table, one measure at a time, without a database. */
class StandardProgressTest {

    static final StandardProgress.Item LIGHTING = new StandardProgress.Item("street-lighting", "HAVE",
            StandardProgress.Measure.WORK_QUANTITY);
    static final StandardProgress.Item CAMERAS = new StandardProgress.Item("camera-coverage", "HAVE",
            StandardProgress.Measure.CAMERA_COVERAGE);
    static final StandardProgress.Item WALLS = new StandardProgress.Item("no-ruined-walls", "NONE",
            StandardProgress.Measure.INSPECTION);
    static final List<StandardProgress.WorkTarget> TARGETS = List.of(
            new StandardProgress.WorkTarget("street-lighting", "street-lamp-repair", "LAMP", new BigDecimal("80")),
            new StandardProgress.WorkTarget("street-lighting", "lamp-head-replacement", "PIECE", new BigDecimal("140")));

    static StandardProgress.Evidence evidence(Map<String, BigDecimal> verified, int zones, int covered, int cameras,
            Map<String, String> verdicts) {
        return new StandardProgress.Evidence(verified, zones, covered, cameras, verdicts);
    }

    @Test
    void theWorkedExample() {
        var p = StandardProgress.of(List.of(LIGHTING), TARGETS, List.of(),
                evidence(Map.of("street-lamp-repair", new BigDecimal("64"), "lamp-head-replacement", new BigDecimal("140")),
                        0, 0, 0, Map.of()));
        assertThat(p.items().get(0).progress()).isEqualByComparingTo("0.9");
        assertThat(p.items().get(0).status()).isEqualTo(StandardProgress.Status.IN_PROGRESS);
        assertThat(p.items().get(0).figures()).extracting(StandardProgress.Figure::done)
                .containsExactly(new BigDecimal("64"), new BigDecimal("140"));
    }

    @Test
    void moreThanTheTargetCountsAsTheTargetAndUnitsAreNeverSummed() {
        var p = StandardProgress.of(List.of(LIGHTING), TARGETS, List.of(),
                evidence(Map.of("street-lamp-repair", new BigDecimal("800")), 0, 0, 0, Map.of()));
        // min(1, 800/80) = 1 and 0/140 = 0: the mean is 0.5, not (800 + 0) / (80 + 140)
        assertThat(p.items().get(0).progress()).isEqualByComparingTo("0.5");
    }

    @Test
    void anItemWithoutTargetsOrEvidenceIsNotStarted() {
        var p = StandardProgress.of(List.of(LIGHTING, CAMERAS, WALLS), List.of(), List.of(), evidence(Map.of(), 0, 0, 0, Map.of()));
        assertThat(p.items()).extracting(StandardProgress.ItemProgress::status).containsOnly(StandardProgress.Status.NOT_STARTED);
        assertThat(p.progress()).isEqualByComparingTo("0");
        assertThat(p.meets()).isFalse();
    }

    @Test
    void coverageIsLimitedByTheCameraMinimumWhereThePlanSetsOne() {
        var target = List.of(new StandardProgress.CoverageTarget("camera-coverage", new BigDecimal("100"), 12));
        var p = StandardProgress.of(List.of(CAMERAS), List.of(), target, evidence(Map.of(), 6, 6, 9, Map.of()));
        assertThat(p.items().get(0).progress()).isEqualByComparingTo("0.75");
        assertThat(p.items().get(0).status()).isEqualTo(StandardProgress.Status.IN_PROGRESS);
        var met = StandardProgress.of(List.of(CAMERAS), List.of(), target, evidence(Map.of(), 6, 6, 12, Map.of()));
        assertThat(met.items().get(0).status()).isEqualTo(StandardProgress.Status.MET);
        // 80 % required: 4 of 5 zones is enough
        var partial = StandardProgress.of(List.of(CAMERAS), List.of(),
                List.of(new StandardProgress.CoverageTarget("camera-coverage", new BigDecimal("80"), null)),
                evidence(Map.of(), 5, 4, 1, Map.of()));
        assertThat(partial.items().get(0).status()).isEqualTo(StandardProgress.Status.MET);
    }

    @Test
    void theLatestVerdictDecidesAnInspectionItemAndTheVillageMeetsTheStandardOnlyWhenAllAreMet() {
        var failing = StandardProgress.of(List.of(WALLS), List.of(), List.of(),
                evidence(Map.of(), 0, 0, 0, Map.of("no-ruined-walls", "FAIL")));
        assertThat(failing.items().get(0).status()).isEqualTo(StandardProgress.Status.FAILING);
        var all = StandardProgress.of(List.of(LIGHTING, WALLS), TARGETS, List.of(),
                evidence(Map.of("street-lamp-repair", new BigDecimal("80"), "lamp-head-replacement", new BigDecimal("140")),
                        0, 0, 0, Map.of("no-ruined-walls", "PASS")));
        assertThat(all.meets()).isTrue();
        assertThat(all.progress()).isEqualByComparingTo("1");
    }
}
