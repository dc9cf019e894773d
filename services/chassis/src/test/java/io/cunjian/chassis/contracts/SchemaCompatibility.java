package io.cunjian.chassis.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a JSON Schema may replace its released version under ADR 0014: every record the released
 * schema accepted must still be accepted with the same meaning (the rebuild from offset zero reads
 * them forever), and no property may be newly demanded (older producers do not write it). New
 * optional properties are the one change allowed; anything else needs a new type version.
 *
 * <p>The comparison is by keyword, conservatively: a keyword it does not reason about (oneOf,
 * $ref, …) must stay exactly as released.
 */
final class SchemaCompatibility {

    /** Text only: no record changes with them. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "examples",
            "$comment", "deprecated", "default");
    private static final Set<String> UPPER_BOUNDS = Set.of("maxLength", "maxItems", "maxProperties", "maximum",
            "exclusiveMaximum");
    private static final Set<String> LOWER_BOUNDS = Set.of("minLength", "minItems", "minProperties", "minimum",
            "exclusiveMinimum");
    /** Changed only to say the same: any difference is reported. */
    private static final Set<String> EXACT = Set.of("pattern", "format", "const", "multipleOf", "uniqueItems");

    private SchemaCompatibility() {
    }

    /** Each incompatible change as {@code "<property path>: <reason>"}; empty when compatible. */
    static List<String> problems(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("(payload)", released, current, problems);
        return problems;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> problems) {
        if (!released.isObject() || !current.isObject()) {
            if (!released.equals(current)) {
                problems.add(at + ": schema changed from " + released + " to " + current);
            }
            return;
        }
        Set<String> keywords = new TreeSet<>();
        released.fieldNames().forEachRemaining(keywords::add);
        current.fieldNames().forEachRemaining(keywords::add);
        for (String k : keywords) {
            JsonNode was = released.get(k);
            JsonNode is = current.get(k);
            if (ANNOTATIONS.contains(k) || (was != null && was.equals(is))) {
                continue;
            }
            switch (k) {
                case "type" -> types(at, was, is, problems);
                case "enum" -> enumeration(at, was, is, problems);
                case "required" -> required(at, was, is, problems);
                case "properties" -> properties(at, was, is, problems);
                case "additionalProperties" -> additional(at, was, is, problems);
                case "items" -> {
                    if (was == null) {
                        problems.add(at + ": items constrained where any item was accepted");
                    } else if (is == null) {
                        problems.add(at + ": items no longer described (a change of meaning)");
                    } else {
                        compare(at + "[]", was, is, problems);
                    }
                }
                default -> bound(at, k, was, is, problems);
            }
        }
    }

    private static void types(String at, JsonNode was, JsonNode is, List<String> problems) {
        if (was == null) {
            problems.add(at + ": type narrowed to " + is + " (any type was accepted)");
        } else if (is == null) {
            problems.add(at + ": type changed from " + was + " to any");
        } else if (!names(was).equals(names(is))) {
            // Widening is a change too: a consumer reading an integer with asLong() would get 12.5 wrong.
            problems.add(at + ": type changed from " + names(was) + " to " + names(is));
        }
    }

    private static void enumeration(String at, JsonNode was, JsonNode is, List<String> problems) {
        if (is == null) {
            problems.add(at + ": enum dropped (any value accepted where " + was + " were the values)");
            return;
        }
        if (was == null) {
            problems.add(at + ": enum " + is + " added (narrowed)");
            return;
        }
        for (JsonNode value : was) {
            if (!contains(is, value)) {
                problems.add(at + ": enum value " + value + " removed");
            }
        }
    }

    private static void required(String at, JsonNode was, JsonNode is, List<String> problems) {
        Set<String> before = names(was == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : was);
        for (String name : names(is == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : is)) {
            if (!before.contains(name)) {
                problems.add(child(at, name) + ": newly required");
            }
        }
    }

    private static void properties(String at, JsonNode was, JsonNode is, List<String> problems) {
        if (was == null) {
            return; // properties described for the first time: checked through required / additionalProperties
        }
        for (Iterator<String> names = was.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode now = is == null ? null : is.get(name);
            if (now == null) {
                problems.add(child(at, name) + ": removed (or renamed)");
            } else {
                compare(child(at, name), was.get(name), now, problems);
            }
        }
    }

    private static void additional(String at, JsonNode was, JsonNode is, List<String> problems) {
        boolean wasOpen = was == null || !(was.isBoolean() && !was.asBoolean());
        boolean isOpen = is == null || !(is.isBoolean() && !is.asBoolean());
        if (wasOpen && !isOpen) {
            problems.add(at + ": additionalProperties closed");
        } else if (was != null && was.isObject() && is != null && is.isObject()) {
            compare(at + "{*}", was, is, problems);
        } else if (wasOpen && is != null && is.isObject()) {
            problems.add(at + ": additionalProperties constrained");
        }
    }

    private static void bound(String at, String k, JsonNode was, JsonNode is, List<String> problems) {
        if (UPPER_BOUNDS.contains(k) || LOWER_BOUNDS.contains(k)) {
            if (is == null) {
                return; // a bound dropped accepts more
            }
            boolean tighter = was == null || (UPPER_BOUNDS.contains(k)
                    ? is.decimalValue().compareTo(was.decimalValue()) < 0
                    : is.decimalValue().compareTo(was.decimalValue()) > 0);
            if (tighter) {
                problems.add(at + ": " + k + " tightened from " + (was == null ? "none" : was) + " to " + is);
            }
        } else if (EXACT.contains(k)) {
            problems.add(at + ": " + k + (was == null ? " added: " + is : is == null ? " removed: was " + was
                    : " changed from " + was + " to " + is));
        } else {
            problems.add(at + ": " + k + " changed (not compared keyword by keyword: it must stay as released)");
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isTextual()) {
            names.add(node.asText());
        }
        node.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String child(String at, String name) {
        return "(payload)".equals(at) ? name : at + "." + name;
    }
}
