package io.cunjian.reporting.events;

import java.time.OffsetDateTime;

/** {@code cunjian.camera.online-changed.v1}: a camera came on line or went off it. */
public record CameraOnlineChanged(String serial, String villageCode, long zoneId, boolean online, OffsetDateTime lastSeen,
        String cause) {
}
