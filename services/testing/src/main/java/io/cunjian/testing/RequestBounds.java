package io.cunjian.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bounded fields of the JSON request bodies of a service's API document, each with a value at
 * its bound and one just past it. The document read is the service's own, which its drift test holds
 * equal to the committed {@code api-specs/openapi/<service>.yaml}; a {@link BoundsContract} sends them.
 */
public final class RequestBounds {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Text at a bound is written in Chinese: a character is one in JSON Schema, Java and PostgreSQL alike. */
    private static final String CHARACTER = "村";

    private RequestBounds() {
    }

    /** What is bounded: a string's length, an array's items, or a number's maximum or minimum. */
    public enum Kind { MAX_LENGTH, MAX_ITEMS, MAXIMUM, MINIMUM, EXCLUSIVE_MINIMUM }

    /**
     * One bound of one field of one operation's body. {@code field} is named as a problem names it
     * ({@code location.text}); {@code pattern} and {@code format} are the field's own, if any.
     */
    public record Bound(String method, String path, String field, Kind kind, BigDecimal limit, String pattern,
            String format, boolean objectItems) {

        public String operation() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        public String label() {
            return operation() + " " + field + " " + kind.name().toLowerCase(Locale.ROOT) + " " + limit.toPlainString();
        }

        /**
         * A value exactly at the bound, or null when none can be made from the bound alone: an array's items,
         * an exclusive minimum (there is no "exactly"), a string of a format (its length is the format's) or one
         * whose pattern a repeated character does not match.
         */
        public JsonNode atBound() {
            int n = limit.intValue();
            return switch (kind) {
                case MAX_LENGTH -> format != null || (pattern != null
                        && !java.util.regex.Pattern.compile(pattern).matcher(CHARACTER.repeat(n)).find())
                        ? null : JSON.textNode(CHARACTER.repeat(n));
                case MAX_ITEMS -> null;
                case MAXIMUM, MINIMUM -> JSON.numberNode(limit);
                case EXCLUSIVE_MINIMUM -> null;
            };
        }

        /**
         * A value just past the bound. An array repeats the item {@code body} already has there (so only the
         * count is wrong), or else holds empty objects or ids, as the items' schema says.
         */
        public JsonNode pastBound(ObjectNode body) {
            return switch (kind) {
                case MAX_LENGTH -> JSON.textNode(CHARACTER.repeat(limit.intValue() + 1));
                case MAX_ITEMS -> {
                    JsonNode given = body.at("/" + field.replace('.', '/'));
                    ArrayNode items = JSON.arrayNode();
                    for (int i = 0; i <= limit.intValue(); i++) {
                        items.add(given.isArray() && !given.isEmpty() ? given.get(0).deepCopy()
                                : objectItems ? JSON.objectNode() : JSON.textNode(new java.util.UUID(0, i).toString()));
                    }
                    yield items;
                }
                case MAXIMUM -> JSON.numberNode(limit.add(BigDecimal.ONE));
                case MINIMUM -> JSON.numberNode(limit.subtract(BigDecimal.ONE));
                case EXCLUSIVE_MINIMUM -> JSON.numberNode(limit);
            };
        }
    }

    /** Every bound of every JSON request body in the document, in document order. */
    public static List<Bound> of(JsonNode document) {
        List<Bound> bounds = new ArrayList<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.operations(document)) {
            JsonNode schema = op.node().path("requestBody").path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                walk(document, op, resolve(document, schema), "", bounds);
            }
        }
        return bounds;
    }

    private static void walk(JsonNode document, OpenApiDocument.Operation op, JsonNode schema, String field, List<Bound> out) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = field.isEmpty() ? property.getKey() : field + "." + property.getKey();
            JsonNode p = resolve(document, property.getValue());
            String pattern = p.has("pattern") ? p.get("pattern").asText() : null;
            String format = p.has("format") ? p.get("format").asText() : null;
            JsonNode items = p.has("items") ? resolve(document, p.get("items")) : null;
            boolean objectItems = items != null && (items.has("properties") || "object".equals(items.path("type").asText()));
            add(out, op, name, Kind.MAX_LENGTH, p.get("maxLength"), pattern, format, objectItems);
            add(out, op, name, Kind.MAX_ITEMS, p.get("maxItems"), pattern, format, objectItems);
            add(out, op, name, Kind.MAXIMUM, p.get("maximum"), pattern, format, objectItems);
            add(out, op, name, Kind.MINIMUM, p.get("minimum"), pattern, format, objectItems);
            add(out, op, name, Kind.EXCLUSIVE_MINIMUM, p.get("exclusiveMinimum"), pattern, format, objectItems);
            if (p.has("properties")) {
                walk(document, op, p, name, out);
            }
        }
    }

    private static void add(List<Bound> out, OpenApiDocument.Operation op, String field, Kind kind, JsonNode limit,
            String pattern, String format, boolean objectItems) {
        if (limit != null && limit.isNumber()) {
            out.add(new Bound(op.method(), op.path(), field, kind, limit.decimalValue(), pattern, format, objectItems));
        }
    }

    /** A schema, or what its {@code $ref} (or its single {@code allOf}) names. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode s = schema;
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            s = s.get("allOf").get(0);
        }
        String ref = s.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return s;
    }

    /** A copy of {@code body} with {@code field} (dotted) set to {@code value}, creating objects on the way. */
    public static ObjectNode with(ObjectNode body, String field, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        ObjectNode at = copy;
        String[] parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
        }
        at.set(parts[parts.length - 1], value);
        return copy;
    }
}
