package io.cunjian.villageprojects.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.cunjian.villageprojects.events.InspectionEvents;

/**
 * An inspection (验收/检查) of one INSPECTION item of a village's standard: a verdict, who
 * inspected and when, notes and photo links. Inspections are never changed: a new one is recorded,
 * and the latest (by inspection date, then by when it was recorded) counts.
 */
public record Inspection(UUID id, String villageCode, String standardId, String itemCode, Verdict verdict,
        LocalDate inspectedOn, String inspector, String notes, List<String> photos, String recordedBy) {

    public enum Verdict {
        PASS, FAIL
    }

    /** What the inspector reports. */
    public record Report(String itemCode, Verdict verdict, LocalDate inspectedOn, String inspector, String notes,
            List<String> photos) {
        public Report {
            photos = photos == null ? List.of() : List.copyOf(photos);
            inspector = inspector == null || inspector.isBlank() ? null : inspector.strip();
            notes = notes == null || notes.isBlank() ? null : notes.strip();
        }
    }

    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(Inspection inspection, InspectionEvents.Recorded event) implements Outcome {
    }

    /** {@code noPlan}: the village has no plan, hence no standard whose items could be inspected. */
    public record Rejected(boolean noPlan, List<Violation> violations) implements Outcome {
    }

    /**
     * Records an inspection if the item is an INSPECTION item of the standard the village's plan
     * follows, and the date is not in the future ({@code today} in China time).
     */
    public static Outcome record(UUID id, String villageCode, Report report, Optional<StandardVersion> planStandard,
            LocalDate today, String recordedBy) {
        if (planStandard.isEmpty()) {
            return new Rejected(true, List.of(new Violation("itemCode", "problem.inspection.no-plan")));
        }
        List<Violation> violations = new ArrayList<>();
        Optional<StandardVersion.Item> item = planStandard.get().item(report.itemCode());
        if (item.isEmpty()) {
            violations.add(new Violation("itemCode", "problem.plan.item.unknown"));
        } else if (item.get().measure() != StandardVersion.Measure.INSPECTION) {
            violations.add(new Violation("itemCode", "problem.inspection.item.not-inspection"));
        }
        if (report.inspectedOn().isAfter(today)) {
            violations.add(new Violation("inspectedOn", "problem.inspection.date.future"));
        } else if (report.inspectedOn().isBefore(PlanTargetsPolicy.EARLIEST_DEADLINE)) {
            violations.add(new Violation("inspectedOn", "problem.inspection.date.invalid"));
        }
        if (!violations.isEmpty()) {
            return new Rejected(false, violations);
        }
        String inspector = report.inspector() == null ? recordedBy : report.inspector();
        Inspection inspection = new Inspection(id, villageCode, planStandard.get().id(), report.itemCode(),
                report.verdict(), report.inspectedOn(), inspector, report.notes(), report.photos(), recordedBy);
        return new Accepted(inspection, inspection.recordedEvent());
    }

    /** The inspection as {@code cunjian.inspection.recorded.v1} carries it. */
    InspectionEvents.Recorded recordedEvent() {
        return new InspectionEvents.Recorded(id.toString(), villageCode, standardId, itemCode, verdict.name(),
                inspectedOn.toString(), inspector, notes, photos, recordedBy);
    }
}
