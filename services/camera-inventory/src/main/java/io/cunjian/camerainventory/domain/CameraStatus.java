package io.cunjian.camerainventory.domain;

import java.time.OffsetDateTime;

/**
 * A camera as the inventory shows it: the camera, and its live status as the last heartbeat or sweep left
 * it ({@code lastSeen} null: never reported).
 */
public record CameraStatus(Camera camera, boolean online, OffsetDateTime lastSeen) {
}
