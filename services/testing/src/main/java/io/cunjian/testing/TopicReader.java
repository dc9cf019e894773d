package io.cunjian.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as a fresh consumer would, to see what was really published. */
public final class TopicReader {

    public record Event(String key, String ceId, String ceType, String ceTime, String ceSource, String ceSubject,
            String data, int partition, long offset, Map<String, String> headers) {
    }

    private TopicReader() {
    }

    /** Reads until {@code until} holds for what was read, or {@code timeout} passes; returns all read. */
    public static List<Event> readUntil(String bootstrap, String topic, Duration timeout, Predicate<List<Event>> until) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !until.test(events)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(event(r));
                }
            }
        }
        return events;
    }

    /** Everything published on the topic within {@code quiet} after the last record seen. */
    public static List<Event> readAll(String bootstrap, String topic, Duration quiet) {
        Instant[] lastGrowth = {Instant.now()};
        int[] lastSize = {0};
        return readUntil(bootstrap, topic, Duration.ofMinutes(2), read -> {
            if (read.size() != lastSize[0]) {
                lastSize[0] = read.size();
                lastGrowth[0] = Instant.now();
            }
            return Instant.now().isAfter(lastGrowth[0].plus(quiet));
        });
    }

    private static Event event(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Event(r.key(), headers.get("ce_id"), headers.get("ce_type"), headers.get("ce_time"),
                headers.get("ce_source"), headers.get("ce_subject"),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), r.partition(), r.offset(),
                headers);
    }
}
