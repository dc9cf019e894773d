package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.cunjian.reporting.events.StandardPublished;
import io.cunjian.reporting.events.WorkOrderStatus;

/**
 * What an event tells reporting, whatever version of which producer's event said it: the projectors
 * read each event type into one of these, and the projection stores them.
 */
public sealed interface Fact {

    /**
     * The one village whose facts this changes (the records that name a village answer with it);
     * none for a region, category or standard version. A batch locks these villages first (ADR 0030).
     */
    default String villageCode() {
        return null;
    }

    /** A region was registered or renamed; kept as the region's history. */
    record RegionChanged(String code, String eventType, String name, long version) implements Fact {
    }

    record VillageRecorded(String code, String name, String townshipCode, boolean demonstration, long version)
            implements Fact {
        @Override
        public String villageCode() {
            return code;
        }
    }

    record CategoryDefined(String code, String nameZh, String nameEn, String unit, String group, long version)
            implements Fact {
    }

    record CategoryRenamed(String code, String nameZh, String nameEn, long version) implements Fact {
    }

    record StandardPublished(String id, String scope, String nameZh, String nameEn, boolean illustrative,
            List<io.cunjian.reporting.events.StandardPublished.Item> items) implements Fact {
    }

    record PlanSet(String villageCode, int revision, String standardId, LocalDate deadline,
            List<StandardProgress.WorkTarget> workTargets, List<StandardProgress.CoverageTarget> coverageTargets)
            implements Fact {
    }

    record InspectionRecorded(String villageCode, String itemCode, String verdict, LocalDate inspectedOn) implements Fact {
    }

    /**
     * A work order after a change. {@code verifiedQuantity} is set only by the steps that state the
     * accepted quantity (verification, correction): the others leave the last one standing.
     */
    record OrderChanged(String orderId, String villageCode, String categoryCode, String unit, WorkOrderStatus status,
            BigDecimal plannedQuantity, BigDecimal verifiedQuantity, LocalDate dueDate, long version) implements Fact {
    }

    /**
     * A zone defined or changed: its name and whether it is covered, and the village's zones and
     * covered zones after the change, as camera-inventory (which owns the coverage rule) counts them.
     */
    record ZoneDescribed(long zoneId, String villageCode, String name, boolean covered, int villageZones,
            int villageCoveredZones) implements Fact {
    }

    /** A zone's coverage changed (its name is only used when the zone is new here), with the village's counts after it. */
    record ZoneCoverageChanged(long zoneId, String villageCode, String zoneName, boolean covered, int villageZones,
            int villageCoveredZones) implements Fact {
    }

    /** A camera registered or updated: where it is and its lifecycle. */
    record CameraRecorded(String serial, String villageCode, String lifecycle) implements Fact {
    }

    /** A camera moved along its lifecycle (decommissioning included). */
    record CameraLifecycleChanged(String serial, String villageCode, String lifecycle) implements Fact {
    }

    record CameraOnlineChanged(String serial, String villageCode, boolean online) implements Fact {
    }
}
