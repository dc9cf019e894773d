package io.cunjian.chassis.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The JSON Schemas of api-specs/events/, packed into the chassis jar as
 * {@code api-specs/events/<ce_type>.json}. A published type never changes: a change is a new
 * type version, hence a new file.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ConcurrentHashMap<String, Optional<JsonSchema>> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static Optional<JsonSchema> forType(String ceType) {
        return CACHE.computeIfAbsent(ceType, EventSchemas::load);
    }

    /** What is wrong with {@code data} for {@code ceType}; empty when valid. Unknown types are an error. */
    public static List<String> problems(String ceType, JsonNode data) {
        return forType(ceType)
                .map(schema -> schema.validate(data).stream().map(m -> m.getMessage()).sorted().toList())
                .orElse(List.of("no schema api-specs/events/" + ceType + ".json"));
    }

    private static Optional<JsonSchema> load(String ceType) {
        if (!ceType.matches("[a-z0-9.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = EventSchemas.class.getResourceAsStream("/api-specs/events/" + ceType + ".json")) {
            return in == null ? Optional.empty() : Optional.of(FACTORY.getSchema(JSON.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
