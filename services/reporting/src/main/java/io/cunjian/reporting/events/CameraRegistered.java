package io.cunjian.reporting.events;

import java.time.LocalDate;

/** {@code cunjian.camera.registered.v1} and {@code cunjian.camera.updated.v1}: the camera after the change. */
public record CameraRegistered(String serial, String villageCode, long zoneId, String model, String vendor,
        GeoPoint position, LocalDate installedOn, String installer, String lifecycle, long version) {
}
