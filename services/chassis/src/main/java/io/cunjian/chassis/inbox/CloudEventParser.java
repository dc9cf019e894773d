package io.cunjian.chassis.inbox;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.rw.CloudEventRWException;
import io.cunjian.chassis.events.CloudEventRecords;
import io.cunjian.chassis.events.EventSchemas;

/** Reads a binary-mode CloudEvent from a Kafka record, or says why it cannot. */
public final class CloudEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventParser() {
    }

    /**
     * @throws PoisonEventException when the record is not a CloudEvents 1.0 record, a required
     *         attribute is missing or malformed, the data is not JSON, or the data does not match
     *         the schema of a type this consumer knows. Properties the schema does not declare are
     *         not a reason: a newer producer may add optional ones (ADR 0014).
     */
    public static IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventRecords.read(record);
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            // The SDK's reader: no ce_specversion, an unknown version, ce_source not a URI, ce_time not RFC 3339, …
            throw new PoisonEventException("not a CloudEvents 1.0 record: " + e.getMessage());
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new PoisonEventException("not a CloudEvents 1.0 record (ce_specversion=" + event.getSpecVersion() + ")");
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID");
        }
        if (event.getTime() == null) {
            throw new PoisonEventException("missing header ce_time");
        }
        if (event.getData() == null) {
            throw new PoisonEventException("record has no data");
        }
        JsonNode data;
        try {
            data = JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new PoisonEventException("data is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (data == null || data.isMissingNode()) {
            throw new PoisonEventException("data is empty");
        }
        String type = event.getType();
        if (EventSchemas.forType(type).isPresent()) {
            List<String> problems = EventSchemas.readingProblems(type, data);
            if (!problems.isEmpty()) {
                throw new PoisonEventException(type + " does not match its schema: " + String.join("; ", problems));
            }
        }
        return new IncomingEvent(id, type, event.getSource().toString(), event.getSubject(), event.getTime(),
                record.key(), data, record.topic(), record.partition(), record.offset());
    }
}
