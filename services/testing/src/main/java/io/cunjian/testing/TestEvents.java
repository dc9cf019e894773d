package io.cunjian.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on a topic the way a producer service (or a broken one) would, for consumer tests. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String bootstrap) {
        Properties p = new Properties();
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"));
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A well-formed CloudEvent; returns its ce_id (send the same id again to test de-duplication). */
    public UUID send(String topic, String key, String type, String json) {
        return send(topic, key, UUID.randomUUID(), type, json);
    }

    public UUID send(String topic, String key, UUID id, String type, String json) {
        return send(topic, key, id, type, json, null);
    }

    /** As a producer in a trace sends it: {@code traceparent} is the W3C context of its publish span (null: none). */
    public UUID send(String topic, String key, UUID id, String type, String json, String traceparent) {
        RecordHeaders h = new RecordHeaders();
        if (traceparent != null) {
            h.add("traceparent", bytes(traceparent));
        }
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(id.toString()));
        h.add("ce_type", bytes(type));
        h.add("ce_source", bytes("/cunjian/test"));
        h.add("ce_time", bytes(OffsetDateTime.now().toString()));
        h.add("ce_subject", bytes(key));
        h.add("content-type", bytes("application/json"));
        sendRaw(topic, key, bytes(json), h);
        return id;
    }

    /** Anything at all: a record no consumer can read. */
    public void sendRaw(String topic, String key, byte[] value, RecordHeaders headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
