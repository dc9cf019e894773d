package io.cunjian.reporting.events;

import java.time.LocalDate;
import java.util.List;

/** {@code cunjian.inspection.recorded.v1}: a verdict on one item of a village's standard. */
public record InspectionRecorded(String id, String villageCode, String standardId, String itemCode, String verdict,
        LocalDate inspectedOn, String inspector, String notes, List<String> photos, String recordedBy) {
}
