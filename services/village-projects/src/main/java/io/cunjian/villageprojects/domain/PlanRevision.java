package io.cunjian.villageprojects.domain;

import java.time.OffsetDateTime;

/** One revision of a village's plan as it was decided: who changed it, when, and why. */
public record PlanRevision(CreationPlan plan, String changedBy, OffsetDateTime changedAt, String note) {
}
