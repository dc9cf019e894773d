package io.cunjian.villageprojects.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.villageprojects.events.PlanEvents;

/**
 * A village's creation plan (创建方案): the published standard version it follows, a deadline,
 * and its targets — per WORK_QUANTITY item a quantity per category that item counts, per
 * CAMERA_COVERAGE item the coverage required (100 % unless said otherwise) and optionally a
 * minimum of operational cameras. Every accepted change is a new revision; a village moves to a
 * newer standard version only by a plan change that names it.
 */
public record CreationPlan(String villageCode, Content content, int revision) {

    /** The most operational cameras a coverage target may ask of one village. */
    public static final int MAX_CAMERAS = 10_000;

    public static final BigDecimal FULL_COVERAGE = BigDecimal.valueOf(100);

    /** A quantity of one category's unit to reach under one item. */
    public record WorkTarget(@Size(max = 50) String itemCode, @Size(max = 50) String categoryCode, BigDecimal quantity) {
        public WorkTarget {
            quantity = quantity == null ? null : normalised(quantity);
        }
    }

    /** Required coverage in percent of the village's zones; {@code minimumOperationalCameras} may be null. */
    public record CoverageTarget(@Size(max = 50) String itemCode, BigDecimal requiredCoveragePercent,
            @Min(1) @Max(MAX_CAMERAS) Integer minimumOperationalCameras) {
        public CoverageTarget {
            requiredCoveragePercent = requiredCoveragePercent == null ? FULL_COVERAGE : normalised(requiredCoveragePercent);
        }
    }

    /** What a plan says; equal contents are the same plan (80 and 80.00 are the same quantity). */
    public record Content(String standardId, LocalDate deadline, List<WorkTarget> workTargets,
            List<CoverageTarget> coverageTargets) {
        public Content {
            Objects.requireNonNull(standardId, "standardId");
            workTargets = workTargets == null ? List.of() : List.copyOf(workTargets);
            coverageTargets = coverageTargets == null ? List.of() : List.copyOf(coverageTargets);
        }
    }

    public sealed interface Outcome permits Accepted, Unchanged, Rejected {
    }

    /** {@code eventType} is {@link PlanEvents#SET} for the first revision, {@link PlanEvents#CHANGED} after. */
    public record Accepted(CreationPlan plan, String eventType, PlanEvents.Plan event) implements Outcome {
    }

    public record Unchanged(CreationPlan plan) implements Outcome {
    }

    public record Rejected(List<Violation> violations) implements Outcome {
    }

    /**
     * Sets the plan of {@code villageCode} (first revision when {@code current} is empty). The
     * standard must be published and cover the village; targets must fit its items
     * ({@link PlanTargetsPolicy}); CAMERA_COVERAGE items without a target get the default one.
     */
    public static Outcome set(String villageCode, Content requested, Optional<CreationPlan> current,
            Optional<StandardVersion> standard, Map<String, WorkCategory> categories, String changedBy, String note) {
        List<Violation> violations = PlanTargetsPolicy.violations(villageCode, requested, standard, categories);
        if (!violations.isEmpty()) {
            return new Rejected(violations);
        }
        Content content = withDefaultCoverage(requested, standard.orElseThrow());
        if (current.isPresent() && current.get().content().equals(content)) {
            return new Unchanged(current.get());
        }
        CreationPlan plan = new CreationPlan(villageCode, content, current.map(p -> p.revision() + 1).orElse(1));
        return new Accepted(plan, plan.revision() == 1 ? PlanEvents.SET : PlanEvents.CHANGED,
                plan.event(categories, changedBy, note));
    }

    static Content withDefaultCoverage(Content content, StandardVersion standard) {
        List<CoverageTarget> coverage = new ArrayList<>(content.coverageTargets());
        for (StandardVersion.Item item : standard.items()) {
            if (item.measure() == StandardVersion.Measure.CAMERA_COVERAGE
                    && coverage.stream().noneMatch(t -> t.itemCode().equals(item.code()))) {
                coverage.add(new CoverageTarget(item.code(), FULL_COVERAGE, null));
            }
        }
        return new Content(content.standardId(), content.deadline(), content.workTargets(), coverage);
    }

    /** 80.00 → 80, 2.50 → 2.5: one spelling per quantity, so that equal plans compare equal. */
    static BigDecimal normalised(BigDecimal q) {
        BigDecimal stripped = q.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The whole plan as its events carry it, each work target with its category's unit. */
    PlanEvents.Plan event(Map<String, WorkCategory> categories, String changedBy, String note) {
        Content c = content;
        return new PlanEvents.Plan(villageCode, revision, c.standardId(),
                c.deadline() == null ? null : c.deadline().toString(),
                c.workTargets().stream().map(t -> new PlanEvents.WorkTarget(t.itemCode(), t.categoryCode(),
                        categories.get(t.categoryCode()).unit().name(), t.quantity())).toList(),
                c.coverageTargets().stream().map(t -> new PlanEvents.CoverageTarget(t.itemCode(),
                        t.requiredCoveragePercent(), t.minimumOperationalCameras())).toList(),
                changedBy, note);
    }
}
