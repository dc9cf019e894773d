package io.cunjian.reporting.events;

/** {@code cunjian.camera.lifecycle-changed.v1}. */
public record CameraLifecycleChanged(String serial, String villageCode, long zoneId, String from, String to,
        String reason, long version) {
}
