package io.cunjian.chassis.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from Kafka, with where it came from. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time,
        String key, JsonNode data, String topic, int partition, long offset) {
}
