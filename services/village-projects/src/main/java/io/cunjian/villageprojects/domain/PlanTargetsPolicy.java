package io.cunjian.villageprojects.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a plan's targets fit its standard: the version is published and covers the village; a
 * work target names a WORK_QUANTITY item of that version and a category that item counts, with a
 * positive quantity, once per (item, category); a coverage target names a CAMERA_COVERAGE item,
 * once, with a coverage in (0, 100] and a minimum of cameras of at least 1 when given.
 */
public final class PlanTargetsPolicy {

    static final LocalDate EARLIEST_DEADLINE = LocalDate.of(2000, 1, 1);

    private PlanTargetsPolicy() {
    }

    public static List<Violation> violations(String villageCode, CreationPlan.Content plan,
            Optional<StandardVersion> standard, Map<String, WorkCategory> categories) {
        List<Violation> violations = new ArrayList<>();
        if (standard.isEmpty()) {
            violations.add(new Violation("standardId", "problem.plan.standard.unknown"));
            return violations;
        }
        StandardVersion s = standard.get();
        if (s.status() != StandardVersion.Status.PUBLISHED) {
            violations.add(new Violation("standardId", "problem.plan.standard.not-published"));
        }
        if (!s.covers(villageCode)) {
            violations.add(new Violation("standardId", "problem.plan.standard.out-of-scope"));
        }
        if (plan.deadline() != null && plan.deadline().isBefore(EARLIEST_DEADLINE)) {
            violations.add(new Violation("deadline", "problem.plan.deadline.invalid"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.workTargets().size(); i++) {
            CreationPlan.WorkTarget t = plan.workTargets().get(i);
            String at = "workTargets[" + i + "]";
            Optional<StandardVersion.Item> item = t.itemCode() == null ? Optional.empty() : s.item(t.itemCode());
            WorkCategory category = t.categoryCode() == null ? null : categories.get(t.categoryCode());
            if (item.isEmpty()) {
                violations.add(new Violation(at + ".itemCode", "problem.plan.item.unknown"));
            } else if (item.get().measure() != StandardVersion.Measure.WORK_QUANTITY) {
                violations.add(new Violation(at + ".itemCode", "problem.plan.item.not-work-quantity"));
            }
            if (category == null) {
                violations.add(new Violation(at + ".categoryCode", "problem.plan.category.unknown"));
            } else if (item.isPresent() && item.get().measure() == StandardVersion.Measure.WORK_QUANTITY
                    && !item.get().counts(category.group())) {
                violations.add(new Violation(at + ".categoryCode", "problem.plan.category.not-counted"));
            }
            if (t.quantity() == null || t.quantity().signum() <= 0) {
                violations.add(new Violation(at + ".quantity", "problem.plan.quantity.not-positive"));
            }
            if (!seen.add(t.itemCode() + "\u0000" + t.categoryCode())) {
                violations.add(new Violation(at + ".categoryCode", "problem.plan.target.duplicate"));
            }
        }
        Set<String> coverageItems = new HashSet<>();
        for (int i = 0; i < plan.coverageTargets().size(); i++) {
            CreationPlan.CoverageTarget t = plan.coverageTargets().get(i);
            String at = "coverageTargets[" + i + "]";
            Optional<StandardVersion.Item> item = t.itemCode() == null ? Optional.empty() : s.item(t.itemCode());
            if (item.isEmpty()) {
                violations.add(new Violation(at + ".itemCode", "problem.plan.item.unknown"));
            } else if (item.get().measure() != StandardVersion.Measure.CAMERA_COVERAGE) {
                violations.add(new Violation(at + ".itemCode", "problem.plan.item.not-camera-coverage"));
            } else if (!coverageItems.add(t.itemCode())) {
                violations.add(new Violation(at + ".itemCode", "problem.plan.target.duplicate"));
            }
            if (t.requiredCoveragePercent().signum() <= 0 || t.requiredCoveragePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                violations.add(new Violation(at + ".requiredCoveragePercent", "problem.plan.coverage.invalid"));
            }
            if (t.minimumOperationalCameras() != null && t.minimumOperationalCameras() < 1) {
                violations.add(new Violation(at + ".minimumOperationalCameras", "problem.plan.cameras.invalid"));
            }
        }
        return violations;
    }
}
