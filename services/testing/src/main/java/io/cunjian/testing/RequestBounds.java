package io.cunjian.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bounded request fields of a service's API document — JSON body fields and query, path and header
 * parameters — each with a value at its bound and one just past it, from the committed
 * {@code api-specs/openapi/<service>.yaml}; a {@link BoundsContract} sends them.
 */
public final class RequestBounds {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Text at a bound is written in Chinese: a character is one in JSON Schema, Java and PostgreSQL alike. */
    private static final String CHARACTER = "村";
    /** Header values are ASCII (RFC 9110): a header's text at a bound is this letter repeated. */
    private static final String LETTER = "a";
    private static final Set<String> PARAMETERS = Set.of("query", "path", "header");

    private RequestBounds() {
    }

    /** What is bounded: a string's length, an array's items, or a number's maximum or minimum. */
    public enum Kind { MAX_LENGTH, MAX_ITEMS, MAXIMUM, MINIMUM, EXCLUSIVE_MINIMUM }

    /**
     * One bound of one request field of one operation. {@code in} is {@code body}, {@code query},
     * {@code path} or {@code header}; {@code field} is named as a problem names it (a body field's JSON
     * path {@code location.text}, a parameter's name); {@code pattern}, {@code format}, {@code type} and
     * {@code step} (its {@code multipleOf}) are the field's own, if any.
     */
    public record Bound(String method, String path, String in, String field, Kind kind, BigDecimal limit, String pattern,
            String format, String type, BigDecimal step, boolean objectItems) {

        public String operation() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }

        public boolean inBody() {
            return in.equals("body");
        }

        public String label() {
            return operation() + (inBody() ? " " : " " + in + " ") + field + " " + kind.name().toLowerCase(Locale.ROOT)
                    + " " + limit.toPlainString();
        }

        /**
         * A value exactly at the bound, made from {@code given} (what the request holds there, or null) where
         * the bound alone does not make one, or {@code given} itself when it is at the bound already; null
         * when none can be made: a string of a pattern a repeated character does not match, a format with
         * no value given, an array with no item given.
         */
        public JsonNode atBound(JsonNode given) {
            int n = limit.intValue();
            return switch (kind) {
                case MAX_LENGTH -> text(n, given);
                // the item the request already has, as many times as allowed: only the count changes
                case MAX_ITEMS -> given != null && given.isArray() && !given.isEmpty() ? repeat(given.get(0), n) : null;
                case MAXIMUM, MINIMUM -> JSON.numberNode(limit);
                // the smallest value above: a step up in the field's precision
                case EXCLUSIVE_MINIMUM -> "integer".equals(type) ? JSON.numberNode(limit.add(BigDecimal.ONE))
                        : step != null ? JSON.numberNode(limit.add(step)) : null;
            };
        }

        /**
         * A value just past the bound. An array repeats the item the request already has there (so only the
         * count is wrong), or else holds empty objects or ids, as the items' schema says.
         */
        public JsonNode pastBound(JsonNode given) {
            return switch (kind) {
                case MAX_LENGTH -> in.equals("header") && field.equalsIgnoreCase("If-Match") && given != null
                        ? JSON.textNode(ifMatch(given.asText(), limit.intValue() + 1))
                        : JSON.textNode((in.equals("header") ? LETTER : CHARACTER).repeat(limit.intValue() + 1));
                case MAX_ITEMS -> {
                    ArrayNode items = JSON.arrayNode();
                    for (int i = 0; i <= limit.intValue(); i++) {
                        items.add(given != null && given.isArray() && !given.isEmpty() ? given.get(0).deepCopy()
                                : objectItems ? JSON.objectNode() : JSON.textNode(new java.util.UUID(0, i).toString()));
                    }
                    yield items;
                }
                case MAXIMUM -> JSON.numberNode(limit.add(BigDecimal.ONE));
                case MINIMUM -> JSON.numberNode(limit.subtract(BigDecimal.ONE));
                case EXCLUSIVE_MINIMUM -> JSON.numberNode(limit);
            };
        }

        private JsonNode text(int n, JsonNode given) {
            String value = given == null || given.isNull() || given.isMissingNode() ? null : given.asText();
            if (format != null) {
                return value == null ? null : JSON.textNode(widened(format, value, n));
            }
            // what the request already holds, when it is as long as allowed: a UUID, a village's code
            if (value != null && value.codePointCount(0, value.length()) == n) {
                return given;
            }
            if (in.equals("header")) {
                return JSON.textNode(field.equalsIgnoreCase("If-Match") && value != null ? ifMatch(value, n) : LETTER.repeat(n));
            }
            String text = CHARACTER.repeat(n);
            return pattern != null && !Pattern.compile(pattern).matcher(text).find() ? null : JSON.textNode(text);
        }
    }

    /**
     * {@code value} of {@code format} written in the longest text that still reads as the same value, when
     * that is {@code length}: a year in ten places with its sign ({@code +000002027-12-31}), the seconds'
     * nine decimals and the offset's seconds; a uuid as it is (always 36). Otherwise {@code value} as it is,
     * which the at-bound request then shows is not at the bound.
     */
    static String widened(String format, String value, int length) {
        return switch (format) {
            case "date" -> pad(LocalDate.parse(value).format(DateTimeFormatter.ISO_LOCAL_DATE), length);
            case "date-time" -> {
                OffsetDateTime t = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.ofHours(8));
                String time = t.format(DateTimeFormatter.ofPattern("'T'HH:mm:ss.SSSSSSSSS")) + "+08:00:00";
                yield pad(t.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE), length - time.length()) + time;
            }
            default -> value;
        };
    }

    /** A date whose year is written with a sign and leading zeros until the date is {@code length} long. */
    private static String pad(String date, int length) {
        int zeros = length - date.length() - 1;
        return zeros < 0 || date.startsWith("+") || date.startsWith("-") ? date : "+" + "0".repeat(zeros) + date;
    }

    /**
     * An If-Match as long as {@code length} that still names the version {@code given} names: a weak tag
     * (which names no version under strong comparison) before it in the list.
     */
    private static String ifMatch(String given, int length) {
        return "W/\"" + "x".repeat(Math.max(0, length - given.length() - 6)) + "\", " + given;
    }

    private static ArrayNode repeat(JsonNode item, int times) {
        ArrayNode items = JSON.arrayNode();
        for (int i = 0; i < times; i++) {
            items.add(item.deepCopy());
        }
        return items;
    }

    /** Every bound of every request field in the document: per operation its parameters, then its JSON body. */
    public static List<Bound> of(JsonNode document) {
        List<Bound> bounds = new ArrayList<>();
        for (OpenApiDocument.Operation op : OpenApiDocument.operations(document)) {
            for (JsonNode parameter : op.node().path("parameters")) {
                String in = parameter.path("in").asText();
                if (PARAMETERS.contains(in)) {
                    addAll(bounds, op, in, parameter.path("name").asText(), resolve(document, parameter.path("schema")), null);
                }
            }
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
            JsonNode items = p.has("items") ? resolve(document, p.get("items")) : null;
            addAll(out, op, "body", name, p, items);
            if (p.has("properties")) {
                walk(document, op, p, name, out);
            }
        }
    }

    private static void addAll(List<Bound> out, OpenApiDocument.Operation op, String in, String field, JsonNode p, JsonNode items) {
        boolean objectItems = items != null && (items.has("properties") || "object".equals(items.path("type").asText()));
        String pattern = p.has("pattern") ? p.get("pattern").asText() : null;
        String format = p.has("format") ? p.get("format").asText() : null;
        String type = p.path("type").isTextual() ? p.get("type").asText() : null;
        BigDecimal step = p.path("multipleOf").isNumber() ? p.get("multipleOf").decimalValue() : null;
        Map<Kind, String> keywords = Map.of(Kind.MAX_LENGTH, "maxLength", Kind.MAX_ITEMS, "maxItems",
                Kind.MAXIMUM, "maximum", Kind.MINIMUM, "minimum", Kind.EXCLUSIVE_MINIMUM, "exclusiveMinimum");
        for (Kind kind : Kind.values()) {
            JsonNode limit = p.get(keywords.get(kind));
            if (limit != null && limit.isNumber()) {
                out.add(new Bound(op.method(), op.path(), in, field, kind, limit.decimalValue(), pattern, format, type, step,
                        objectItems));
            }
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
