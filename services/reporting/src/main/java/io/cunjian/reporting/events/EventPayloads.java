package io.cunjian.reporting.events;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads an event's data into its record, and writes a record back as the data its schema describes.
 * The one place that says how payloads are read: a field this service does not know (a producer added
 * an optional one) is ignored, not a failure — the records only name what reporting reads, and a newer
 * producer must not stop reporting; times keep the offset they were written with.
 */
public final class EventPayloads {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventPayloads() {
    }

    public static <T> T read(JsonNode data, Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode write(Object payload) {
        return JSON.valueToTree(payload);
    }
}
