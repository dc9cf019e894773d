package io.cunjian.chassis.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cunjian.chassis.events.KafkaClientSettings;

/**
 * Sends a record to {@code <topic>.dlq} with the same headers as SmallRye's dead-letter-queue
 * failure strategy ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}),
 * so {@code stack dlq list|replay} treats both alike. Needed where a channel consumes in batches:
 * there a failure strategy would act on the whole batch, not on the one record that is poison.
 */
@ApplicationScoped
public class DeadLetterQueue {

    @Inject
    KafkaClientSettings kafka;

    private KafkaProducer<String, byte[]> producer;

    /** Returns once the broker has the record, so the source record may be acknowledged after. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        try {
            producer().send(new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers))
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic() + "@" + record.offset(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset() + ": " + e, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = kafka.producer();
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
