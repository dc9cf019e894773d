package io.cunjian.villageprojects.events;

import java.util.List;

/**
 * The fact about inspections, on village.events under the village's code. The latest inspection
 * of an item is the one with the latest {@code inspectedOn}, and among those the latest ce_time.
 */
public final class InspectionEvents {

    public static final String RECORDED = "cunjian.inspection.recorded.v1";

    private InspectionEvents() {
    }

    public record Recorded(String id, String villageCode, String standardId, String itemCode, String verdict,
            String inspectedOn, String inspector, String notes, List<String> photos, String recordedBy) {
    }
}
