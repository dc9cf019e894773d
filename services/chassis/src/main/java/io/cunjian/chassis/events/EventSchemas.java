package io.cunjian.chassis.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The JSON Schemas of api-specs/events/, packed into the chassis jar as
 * {@code api-specs/events/<ce_type>.json} and found by type name, so a service reads a
 * {@code …v2} beside its {@code …v1}. A published type changes only compatibly (ADR 0014): new
 * optional properties, nothing else; anything more is a new type version, hence a new file.
 *
 * <p>Each schema is held in two views. Producers are held to the schema as written
 * ({@link #problems}): {@code additionalProperties: false} stops a service publishing a property
 * the contract does not declare. Consumers read with the tolerant view ({@link #readingProblems}):
 * the same schema without {@code additionalProperties: false}, so a property a newer producer
 * added is ignored instead of sending the record to the dead-letter topic during a rolling upgrade,
 * while wrong types and missing required properties still do.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ConcurrentHashMap<String, Optional<Views>> CACHE = new ConcurrentHashMap<>();

    private record Views(JsonSchema strict, JsonSchema tolerant) {
    }

    private EventSchemas() {
    }

    public static Optional<JsonSchema> forType(String ceType) {
        return views(ceType).map(Views::strict);
    }

    /**
     * What is wrong with {@code data} for {@code ceType} as its producer must write it, undeclared
     * properties included; empty when valid. Unknown types are an error.
     */
    public static List<String> problems(String ceType, JsonNode data) {
        return views(ceType).map(v -> messages(v.strict(), data))
                .orElse(List.of("no schema api-specs/events/" + ceType + ".json"));
    }

    /**
     * What keeps a consumer from reading {@code data} as {@code ceType}: wrong types, missing
     * required properties, values out of range — but not properties the schema does not declare.
     * Unknown types are an error.
     */
    public static List<String> readingProblems(String ceType, JsonNode data) {
        return views(ceType).map(v -> messages(v.tolerant(), data))
                .orElse(List.of("no schema api-specs/events/" + ceType + ".json"));
    }

    private static List<String> messages(JsonSchema schema, JsonNode data) {
        return schema.validate(data).stream().map(m -> m.getMessage()).sorted().toList();
    }

    private static Optional<Views> views(String ceType) {
        return CACHE.computeIfAbsent(ceType, EventSchemas::load);
    }

    private static Optional<Views> load(String ceType) {
        if (!ceType.matches("[a-z0-9.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = EventSchemas.class.getResourceAsStream("/api-specs/events/" + ceType + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode schema = JSON.readTree(in);
            return Optional.of(new Views(FACTORY.getSchema(schema), FACTORY.getSchema(tolerant(schema.deepCopy()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema with every closed object opened, at any depth; nothing else changes. */
    static JsonNode tolerant(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            for (String closing : List.of("additionalProperties", "unevaluatedProperties")) {
                if (object.path(closing).isBoolean() && !object.get(closing).asBoolean()) {
                    object.remove(closing);
                }
            }
        }
        schema.forEach(EventSchemas::tolerant);
        return schema;
    }
}
