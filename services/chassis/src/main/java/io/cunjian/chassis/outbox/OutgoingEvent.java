package io.cunjian.chassis.outbox;

import java.util.Objects;

/**
 * A fact to publish: on {@code topic} (logical name, e.g. {@code village.events}) under
 * {@code key} (docs/design.md, "Topics and keys": the village code for everything about a village), of CloudEvents type
 * {@code type} (e.g. {@code cunjian.village.region-registered.v1}), about {@code subject} (defaults to the key), with
 * {@code data} serialized as JSON.
 */
public record OutgoingEvent(String topic, String key, String type, String subject, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        subject = subject == null ? key : subject;
    }
}
