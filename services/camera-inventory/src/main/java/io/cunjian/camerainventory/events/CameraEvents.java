package io.cunjian.camerainventory.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The facts camera-inventory publishes on camera.events, all keyed by the village code (schemas in
 * api-specs/events). Live status is published only when it changes: a camera that keeps reporting
 * online produces no event. Coverage events carry the village's zone counts after the change, so a
 * consumer computes the village's coverage from the latest event alone.
 */
public final class CameraEvents {

    public static final String ZONE_DEFINED = "cunjian.camera.zone-defined.v1";
    public static final String ZONE_CHANGED = "cunjian.camera.zone-changed.v1";
    public static final String REGISTERED = "cunjian.camera.registered.v1";
    public static final String UPDATED = "cunjian.camera.updated.v1";
    public static final String LIFECYCLE_CHANGED = "cunjian.camera.lifecycle-changed.v1";
    public static final String ONLINE_CHANGED = "cunjian.camera.online-changed.v1";
    public static final String ZONE_COVERAGE_CHANGED = "cunjian.camera.zone-coverage-changed.v1";
    public static final String DECOMMISSIONED = "cunjian.camera.decommissioned.v1";

    /** Why a zone's coverage or a camera's online flag changed. */
    public enum Cause {
        /** a heartbeat brought a camera online */
        HEARTBEAT,
        /** no heartbeat within the online window: the timer took the camera offline */
        HEARTBEAT_TIMEOUT,
        /** a camera became or stopped being OPERATIONAL */
        LIFECYCLE,
        /** a camera moved to another zone of the village */
        CAMERA_MOVED
    }

    private CameraEvents() {
    }

    public record Point(double latitude, double longitude) {
    }

    /** zone-defined and zone-changed: the whole zone after the change, with the village's zone counts. */
    public record Zone(long zoneId, String villageCode, String name, String kind, Point centre, boolean covered,
            long version, int villageZones, int villageCoveredZones) {
    }

    /** registered and updated: the whole camera after the change. */
    public record Camera(String serial, String villageCode, long zoneId, String model, String vendor, Point position,
            LocalDate installedOn, String installer, String lifecycle, long version) {
    }

    public record LifecycleChanged(String serial, String villageCode, long zoneId, String from, String to, String reason,
            long version) {
    }

    public record Decommissioned(String serial, String villageCode, long zoneId, String reason, long version) {
    }

    public record OnlineChanged(String serial, String villageCode, long zoneId, boolean online, OffsetDateTime lastSeen,
            Cause cause) {
    }

    public record ZoneCoverageChanged(String villageCode, long zoneId, String zoneName, boolean covered, Cause cause,
            int villageZones, int villageCoveredZones) {
    }
}
