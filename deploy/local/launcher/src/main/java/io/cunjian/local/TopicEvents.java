package io.cunjian.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

/** What the smoke reads back from a topic: the ce_types of one key's events, in order. */
final class TopicEvents {

    private TopicEvents() {
    }

    /** Reads the key's partition from the start until {@code count} events of the key were seen or {@code within} ends. */
    static List<String> typesForKey(String bootstrap, String topic, String key, int count, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            int partitions = consumer.partitionsFor(topic).size();
            // the default partitioner's choice for a keyed record
            TopicPartition tp = new TopicPartition(topic,
                    Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            List<String> types = new ArrayList<>();
            Instant end = Instant.now().plus(within);
            while (types.size() < count && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        var type = r.headers().lastHeader("ce_type");
                        types.add(type == null ? "(no ce_type)" : new String(type.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return types;
        }
    }
}
