package io.cunjian.camerainventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.cunjian.chassis.domain.InvalidInput;

/**
 * A batch of heartbeats as the service accepts it, whoever sends it (a device, the platform, staff on an
 * audit): at most {@code maxBatch} serials, each well-formed, seen at a time no further ahead than device
 * clocks drift ({@code at} omitted: now). Anything else is refused whole, naming the field, before a row is
 * touched.
 */
public record HeartbeatBatch(List<String> serials, Instant at) {

    public HeartbeatBatch {
        serials = List.copyOf(serials);
    }

    public static HeartbeatBatch check(List<String> serials, OffsetDateTime at, Instant now, int maxBatch,
            Duration maxClockSkew) {
        if (serials.size() > maxBatch) {
            throw new InvalidInput("serials", "problem.heartbeat.batch-too-large");
        }
        for (int i = 0; i < serials.size(); i++) {
            if (!Camera.validSerial(serials.get(i))) {
                throw new InvalidInput("serials[" + i + "]", "problem.camera.serial.invalid");
            }
        }
        Instant when = at == null ? now : at.toInstant();
        if (when.isAfter(now.plus(maxClockSkew))) {
            throw new InvalidInput("at", "problem.heartbeat.in-the-future");
        }
        return new HeartbeatBatch(serials, when);
    }
}
