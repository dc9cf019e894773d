package io.cunjian.chassis.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.events.CloudEventHeaders;
import io.cunjian.chassis.events.EventSchemas;

/** Reads a binary-mode CloudEvent from a Kafka record, or says why it cannot. */
public final class CloudEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventParser() {
    }

    /**
     * @throws PoisonEventException when a required attribute is missing or malformed, the data is
     *         not JSON, or the data does not match the schema of a type this consumer knows
     */
    public static IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            throw new PoisonEventException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String type = required(record, CloudEventHeaders.TYPE);
        UUID id;
        OffsetDateTime time;
        try {
            id = UUID.fromString(required(record, CloudEventHeaders.ID));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID");
        }
        try {
            time = OffsetDateTime.parse(required(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 time");
        }
        if (record.value() == null) {
            throw new PoisonEventException("record has no data");
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new PoisonEventException("data is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (data == null || data.isMissingNode()) {
            throw new PoisonEventException("data is empty");
        }
        if (EventSchemas.forType(type).isPresent()) {
            List<String> problems = EventSchemas.problems(type, data);
            if (!problems.isEmpty()) {
                throw new PoisonEventException(type + " does not match its schema: " + String.join("; ", problems));
            }
        }
        return new IncomingEvent(id, type, required(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time, record.key(), data, record.topic(),
                record.partition(), record.offset());
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing header " + name);
        }
        return value;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
