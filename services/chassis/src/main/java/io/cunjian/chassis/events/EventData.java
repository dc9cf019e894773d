package io.cunjian.chassis.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every producer's event data becomes the bytes on the topic. Numbers are written plain:
 * Jackson's tree keeps a {@code BigDecimal} without trailing zeros ({@code 80} becomes
 * {@code 8E+1}), which is a valid JSON number but not one a person, a spreadsheet export or a
 * consumer in another language should have to read. {@code 80} and {@code 8E+1} are the same
 * value, so this changed no contract (ADR 0014).
 */
public final class EventData {

    private EventData() {
    }

    public static byte[] bytes(ObjectMapper mapper, JsonNode data) {
        try {
            return mapper.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
