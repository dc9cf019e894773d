package io.cunjian.chassis.outbox;

import java.util.Objects;

/**
 * A fact to publish: on {@code topic} (logical name, e.g. {@code village.events}) under
 * {@code key} (docs/design.md, "Topics and keys": the village code for everything about a village), of CloudEvents type
 * {@code type} (e.g. {@code cunjian.village.region-registered.v1}), about {@code subject} (defaults to the key), with
 * {@code data} serialized as JSON.
 *
 * <p>{@code entity} names the thing whose events must leave in the order their transactions committed
 * (docs/design.md, "Delivery guarantees"); it defaults to the key. A producer whose key groups many independent
 * things (the work orders of one village) names the thing itself with {@link #ofEntity}, so that changes to two
 * different orders of one village commit side by side instead of one after the other.
 */
public record OutgoingEvent(String topic, String key, String type, String subject, Object data, String entity) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        subject = subject == null ? key : subject;
        entity = entity == null ? key : entity;
    }

    public OutgoingEvent(String topic, String key, String type, String subject, Object data) {
        this(topic, key, type, subject, data, null);
    }

    /** The same event, kept in commit order with the other events of {@code entity} only (not of its whole key). */
    public OutgoingEvent ofEntity(String entity) {
        return new OutgoingEvent(topic, key, type, subject, data, Objects.requireNonNull(entity, "entity"));
    }
}
