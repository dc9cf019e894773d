package io.cunjian.reporting.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code cunjian.plan.set.v1} and {@code cunjian.plan.changed.v1}: a village's plan after the change. */
public record PlanSet(String villageCode, int revision, String standardId, LocalDate deadline,
        List<WorkTarget> workTargets, List<CoverageTarget> coverageTargets, String changedBy, String note) {

    public record WorkTarget(String itemCode, String categoryCode, String unit, BigDecimal quantity) {
    }

    public record CoverageTarget(String itemCode, BigDecimal requiredCoveragePercent, Integer minimumOperationalCameras) {
    }
}
