package io.cunjian.chassis.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code events/relay-record.json}: a record as the hand-written relay put it on the broker. */
record RelayRecordFixture(String topic, String key, Map<String, byte[]> headers, byte[] value) {

    static RelayRecordFixture load() {
        try (InputStream in = RelayRecordFixture.class.getResourceAsStream("/events/relay-record.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            Map<String, byte[]> headers = new LinkedHashMap<>();
            json.get("headers").forEach(h -> headers.put(h.get("name").asText(), Base64.getDecoder().decode(h.get("base64").asText())));
            return new RelayRecordFixture(json.get("topic").asText(), json.get("key").asText(), headers,
                    Base64.getDecoder().decode(json.get("valueBase64").asText()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    String header(String name) {
        return new String(headers.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    ConsumerRecord<String, byte[]> asConsumerRecord() {
        RecordHeaders h = new RecordHeaders();
        headers.forEach(h::add);
        return new ConsumerRecord<>(topic, 3, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, h,
                java.util.Optional.empty());
    }
}
