package io.cunjian.chassis.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * The envelope of every event on the topics: CloudEvents 1.0 in the Kafka binding's binary mode
 * (attributes as {@code ce_*} headers, {@code content-type: application/json}, the data as the
 * record's value), written and read by the CloudEvents SDK rather than by hand (ADR 0014). The
 * records it writes carry the same header values and value bytes as the hand-written ones before
 * it (test fixture {@code events/relay-record.json}); only the order of the headers differs, and
 * every reader looks headers up by name.
 */
public final class CloudEventRecords {

    public static final String JSON = "application/json";

    private CloudEventRecords() {
    }

    /** The record the outbox relay sends for one committed event. */
    public static ProducerRecord<String, byte[]> write(String topic, String key, UUID id, String type, String source,
            String subject, OffsetDateTime time, byte[] data) {
        return write(topic, key, id, type, source, subject, time, data, null);
    }

    /**
     * As above, with the CloudEvents distributed-tracing extension: {@code traceparent} (the header
     * {@code ce_traceparent}) is the W3C context the event was created in, left out when null (ADR 0023).
     */
    public static ProducerRecord<String, byte[]> write(String topic, String key, UUID id, String type, String source,
            String subject, OffsetDateTime time, byte[] data, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time)
                .withDataContentType(JSON)
                .withData(data);
        if (traceparent != null) {
            builder.withExtension("traceparent", traceparent);
        }
        CloudEvent event = builder.build();
        return KafkaMessageFactory.<String>createWriter(topic, null, null, key).writeBinary(event);
    }

    /**
     * The CloudEvent a record carries.
     *
     * @throws CloudEventRWException when the record is not a CloudEvent in binary mode (no
     *         {@code ce_specversion}, an unknown spec version, a required attribute missing or malformed)
     */
    public static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record).toEvent();
    }
}
