package io.cunjian.villageprojects.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The facts about creation plans, on village.events under the village's code. Both types carry
 * the whole plan after the change (with each target's unit), so a consumer needs no earlier one.
 */
public final class PlanEvents {

    public static final String SET = "cunjian.plan.set.v1";
    public static final String CHANGED = "cunjian.plan.changed.v1";

    private PlanEvents() {
    }

    public record WorkTarget(String itemCode, String categoryCode, String unit, BigDecimal quantity) {
    }

    public record CoverageTarget(String itemCode, BigDecimal requiredCoveragePercent, Integer minimumOperationalCameras) {
    }

    public record Plan(String villageCode, int revision, String standardId, String deadline, List<WorkTarget> workTargets,
            List<CoverageTarget> coverageTargets, String changedBy, String note) {
    }
}
