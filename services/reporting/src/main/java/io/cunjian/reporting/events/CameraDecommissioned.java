package io.cunjian.reporting.events;

/** {@code cunjian.camera.decommissioned.v1}. */
public record CameraDecommissioned(String serial, String villageCode, long zoneId, String reason, long version) {
}
