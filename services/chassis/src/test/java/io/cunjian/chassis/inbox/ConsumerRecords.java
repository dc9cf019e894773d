package io.cunjian.chassis.inbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records as a consumer receives them, built in memory: what a producer of each kind would have sent. */
final class ConsumerRecords {

    private ConsumerRecords() {
    }

    static ConsumerRecord<String, byte[]> cloudEvent(String topic, String key, String type, String json) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(UUID.randomUUID().toString()));
        h.add("ce_type", bytes(type));
        h.add("ce_source", bytes("/cunjian/village-projects"));
        h.add("ce_time", bytes(OffsetDateTime.now().toString()));
        h.add("ce_subject", bytes(key));
        h.add("content-type", bytes("application/json"));
        return new ConsumerRecord<>(topic, 0, 0L, 0L, TimestampType.CREATE_TIME, -1, -1, key, bytes(json), h,
                Optional.empty());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
