package io.cunjian.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists and re-sends dead-lettered records. A consumer sends a record it cannot apply to
 * {@code <topic>.dlq} with headers {@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition} and {@code dead-letter-offset}. Once the cause is fixed,
 * {@link #replay} sends each record back to its topic, as it was (same key, value and CloudEvents
 * headers, so consumers still recognise a repeat by ce_id). Progress is kept by the consumer group
 * {@value #GROUP}, so a record is re-sent once.
 */
public final class DeadLetters {

    public static final String GROUP = "cunjian-dlq-replay";

    public record Letter(String topic, int partition, long offset, String key, String reason, String sourceTopic,
            String sourcePartition, String sourceOffset) {
    }

    private DeadLetters() {
    }

    /**
     * The brokers, and the security settings of a cluster that asks for them, read from the same environment
     * variables the services read (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG,
     * KAFKA_SSL_TRUSTSTORE_TYPE, KAFKA_SSL_TRUSTSTORE_LOCATION): run with the dead-letter user's credentials,
     * the command reaches the production listener (SCRAM over TLS) as the services do. Unset, plain Kafka.
     */
    static Properties connection(String bootstrap, Map<String, String> env) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        Map.of("KAFKA_SECURITY_PROTOCOL", "security.protocol", "KAFKA_SASL_MECHANISM", "sasl.mechanism",
                "KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config", "KAFKA_SSL_TRUSTSTORE_TYPE", "ssl.truststore.type",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "ssl.truststore.location")
                .forEach((variable, setting) -> {
                    String value = env.get(variable);
                    if (value != null && !value.isBlank()) {
                        p.put(setting, value);
                    }
                });
        return p;
    }

    /** The records of {@code dlqTopic} not replayed yet, without replaying them. */
    public static List<Letter> list(String bootstrap, String dlqTopic) {
        List<Letter> letters = new ArrayList<>();
        drain(bootstrap, dlqTopic, false, r -> letters.add(letter(r)));
        return letters;
    }

    /** Re-sends every record of {@code dlqTopic} not replayed yet to its source topic; returns them. */
    public static List<Letter> replay(String bootstrap, String dlqTopic) {
        List<Letter> replayed = new ArrayList<>();
        Properties p = connection(bootstrap, System.getenv());
        p.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            drain(bootstrap, dlqTopic, true, r -> {
                Letter letter = letter(r);
                if (letter.sourceTopic() == null) {
                    throw new IllegalStateException("record " + r.offset() + " of " + dlqTopic + " names no source topic");
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        headers.add(h);
                    }
                }
                acks.add(producer.send(new ProducerRecord<>(letter.sourceTopic(), null, r.key(), r.value(), headers)));
                replayed.add(letter);
            }, () -> {
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    try {
                        ack.get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("re-sending failed; nothing marked as replayed", e);
                    }
                }
            });
        }
        return replayed;
    }

    private static void drain(String bootstrap, String dlqTopic, boolean commit,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        drain(bootstrap, dlqTopic, commit, each, () -> {
        });
    }

    /** Reads the topic from the group's position to its current end; commits after {@code beforeCommit}. */
    private static void drain(String bootstrap, String dlqTopic, boolean commit,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each, Runnable beforeCommit) {
        Properties p = connection(bootstrap, System.getenv());
        p.putAll(Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                if (c == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, c.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                    }
                });
            }
            if (commit) {
                beforeCommit.run();
                Map<TopicPartition, OffsetAndMetadata> positions = new java.util.HashMap<>();
                partitions.forEach(tp -> positions.put(tp, new OffsetAndMetadata(end.get(tp))));
                consumer.commitSync(positions);
            }
        }
    }

    private static Letter letter(ConsumerRecord<byte[], byte[]> r) {
        return new Letter(r.topic(), r.partition(), r.offset(), r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                header(r, "dead-letter-reason"), header(r, "dead-letter-topic"), header(r, "dead-letter-partition"),
                header(r, "dead-letter-offset"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
