package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A village's progress against its standard version, exactly by docs/design.md's table. Pure: it is
 * given the standard, the plan and the evidence, and computes; the projection stores the result.
 * <ul>
 * <li>WORK_QUANTITY: mean over the categories with a plan target of min(1, verified / target)
 * (units differ, so averaged, not summed); met when every targeted category reaches its target.
 * An item the plan gives no target is not started (0): nothing says what "done" would be.</li>
 * <li>CAMERA_COVERAGE: min(1, coverage / required), and min with operational / minimum where the
 * plan sets a minimum; met when both reach 1.</li>
 * <li>INSPECTION: 1 if the latest verdict is PASS, else 0.</li>
 * </ul>
 * Status: met; failing (an INSPECTION item whose latest verdict is FAIL); not started (no evidence
 * at all); in progress otherwise. Village progress is the mean of the items; it meets the standard
 * (达标) when every item is met.
 */
public final class StandardProgress {

    static final MathContext MC = MathContext.DECIMAL64;
    static final int SCALE = 4;

    public enum Measure {
        WORK_QUANTITY, CAMERA_COVERAGE, INSPECTION
    }

    public enum Status {
        MET, IN_PROGRESS, NOT_STARTED, FAILING
    }

    public record Item(String code, String kind, Measure measure) {
    }

    public record WorkTarget(String itemCode, String categoryCode, String unit, BigDecimal quantity) {
    }

    public record CoverageTarget(String itemCode, BigDecimal requiredCoveragePercent, Integer minimumOperationalCameras) {
    }

    /** What the village has to show: verified quantities per category, zones, cameras, latest verdicts. */
    public record Evidence(Map<String, BigDecimal> verifiedByCategory, int zones, int coveredZones, int operationalCameras,
            Map<String, String> latestVerdicts) {
    }

    /** One figure behind an item, e.g. street-lamp-repair 64 / 80 LAMP; what is a category code, coverage-percent or operational-cameras. */
    public record Figure(String what, BigDecimal done, BigDecimal target, String unit) {
    }

    public record ItemProgress(String code, String kind, Measure measure, Status status, BigDecimal progress,
            List<Figure> figures) {
    }

    public record VillageProgress(List<ItemProgress> items, BigDecimal progress, boolean meets, int itemsMet) {
    }

    private StandardProgress() {
    }

    public static VillageProgress of(List<Item> items, List<WorkTarget> work, List<CoverageTarget> coverage, Evidence evidence) {
        List<ItemProgress> result = new ArrayList<>();
        for (Item item : items) {
            switch (item.measure()) {
                case WORK_QUANTITY -> result.add(work(item, work, evidence));
                case CAMERA_COVERAGE -> result.add(coverage(item, coverage, evidence));
                default -> result.add(inspection(item, evidence));
            }
        }
        BigDecimal sum = result.stream().map(ItemProgress::progress).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = result.isEmpty() ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(result.size()), MC);
        int met = (int) result.stream().filter(i -> i.status() == Status.MET).count();
        return new VillageProgress(result, round(mean), !result.isEmpty() && met == result.size(), met);
    }

    static ItemProgress work(Item item, List<WorkTarget> targets, Evidence evidence) {
        List<Figure> figures = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean allReached = true;
        boolean anyWork = false;
        for (WorkTarget t : targets) {
            if (!t.itemCode().equals(item.code())) {
                continue;
            }
            BigDecimal done = evidence.verifiedByCategory().getOrDefault(t.categoryCode(), BigDecimal.ZERO);
            anyWork |= done.signum() > 0;
            allReached &= done.compareTo(t.quantity()) >= 0;
            sum = sum.add(BigDecimal.ONE.min(done.divide(t.quantity(), MC)));
            figures.add(new Figure(t.categoryCode(), done, t.quantity(), t.unit()));
        }
        if (figures.isEmpty()) {
            return new ItemProgress(item.code(), item.kind(), item.measure(), Status.NOT_STARTED, round(BigDecimal.ZERO), figures);
        }
        BigDecimal progress = round(sum.divide(BigDecimal.valueOf(figures.size()), MC));
        Status status = allReached ? Status.MET : anyWork ? Status.IN_PROGRESS : Status.NOT_STARTED;
        return new ItemProgress(item.code(), item.kind(), item.measure(), status, progress, figures);
    }

    static ItemProgress coverage(Item item, List<CoverageTarget> targets, Evidence evidence) {
        CoverageTarget target = targets.stream().filter(t -> t.itemCode().equals(item.code())).findFirst()
                .orElse(new CoverageTarget(item.code(), BigDecimal.valueOf(100), null));
        BigDecimal coverage = evidence.zones() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(evidence.coveredZones() * 100L).divide(BigDecimal.valueOf(evidence.zones()), MC);
        BigDecimal progress = BigDecimal.ONE.min(coverage.divide(target.requiredCoveragePercent(), MC));
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("coverage-percent", round(coverage), target.requiredCoveragePercent(), "PERCENT"));
        if (target.minimumOperationalCameras() != null) {
            BigDecimal cameras = BigDecimal.valueOf(evidence.operationalCameras());
            BigDecimal minimum = BigDecimal.valueOf(target.minimumOperationalCameras());
            progress = progress.min(BigDecimal.ONE.min(cameras.divide(minimum, MC)));
            figures.add(new Figure("operational-cameras", cameras, minimum, "CAMERA"));
        }
        Status status = progress.compareTo(BigDecimal.ONE) >= 0 ? Status.MET
                : evidence.zones() == 0 && evidence.operationalCameras() == 0 ? Status.NOT_STARTED : Status.IN_PROGRESS;
        return new ItemProgress(item.code(), item.kind(), item.measure(), status, round(progress), figures);
    }

    static ItemProgress inspection(Item item, Evidence evidence) {
        String verdict = evidence.latestVerdicts().get(item.code());
        if (verdict == null) {
            return new ItemProgress(item.code(), item.kind(), item.measure(), Status.NOT_STARTED, round(BigDecimal.ZERO), List.of());
        }
        boolean pass = "PASS".equals(verdict);
        return new ItemProgress(item.code(), item.kind(), item.measure(), pass ? Status.MET : Status.FAILING,
                round(pass ? BigDecimal.ONE : BigDecimal.ZERO), List.of());
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
