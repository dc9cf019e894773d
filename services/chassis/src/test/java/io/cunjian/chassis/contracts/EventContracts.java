package io.cunjian.chassis.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event contracts of a checkout ({@code api-specs/events/*.json} and {@code api-specs/asyncapi.yaml})
 * compared with the released baseline ({@code api-specs/released/}, moved only by
 * {@code api-specs/release}): what changed incompatibly, per ADR 0014.
 */
final class EventContracts {

    static final String EVENTS = "api-specs/events";
    static final String ASYNCAPI = "api-specs/asyncapi.yaml";
    static final String RELEASED = "api-specs/released";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private EventContracts() {
    }

    /** Every incompatible change between {@code released} and {@code current} (both contract folders). */
    static List<String> problems(Path released, Path current) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> before = schemas(released.resolve("events"));
        Map<String, JsonNode> now = schemas(current.resolve("events"));
        before.forEach((type, schema) -> {
            JsonNode is = now.get(type);
            if (is == null) {
                problems.add(type + ": type removed (a type is retired only by api-specs/release --retire " + type + ")");
            } else {
                SchemaCompatibility.problems(schema, is).forEach(p -> problems.add(type + ": " + p));
            }
        });
        problems.addAll(asyncApiProblems(yaml(released.resolve("asyncapi.yaml")), yaml(current.resolve("asyncapi.yaml"))));
        return problems;
    }

    /** Channels and messages may be added, never removed or moved; a message's payload stays its schema file. */
    static List<String> asyncApiProblems(JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        each(released.path("channels"), (name, channel) -> {
            JsonNode now = current.path("channels").path(name);
            if (now.isMissingNode()) {
                problems.add("asyncapi: channel " + name + " removed");
                return;
            }
            if (!channel.path("address").equals(now.path("address"))) {
                problems.add("asyncapi: channel " + name + " moved from " + channel.path("address") + " to " + now.path("address"));
            }
            each(channel.path("messages"), (message, ref) -> {
                if (!ref.equals(now.path("messages").path(message))) {
                    problems.add("asyncapi: message " + message + " removed from channel " + name);
                }
            });
        });
        each(released.path("operations"), (name, operation) -> {
            if (!operation.equals(current.path("operations").path(name))) {
                problems.add("asyncapi: operation " + name + " removed or changed");
            }
        });
        each(released.path("components").path("messages"), (name, message) -> {
            JsonNode now = current.path("components").path("messages").path(name);
            if (now.isMissingNode()) {
                problems.add("asyncapi: message " + name + " removed");
                return;
            }
            for (String part : List.of("payload", "headers")) {
                if (!message.path(part).equals(now.path(part))) {
                    problems.add("asyncapi: message " + name + ": " + part + " changed from " + message.path(part)
                            + " to " + now.path(part));
                }
            }
        });
        each(released.path("components").path("schemas"), (name, schema) -> {
            JsonNode now = current.path("components").path("schemas").path(name);
            if (now.isMissingNode()) {
                problems.add("asyncapi: schema " + name + " removed");
            } else {
                SchemaCompatibility.problems(schema, now).forEach(p -> problems.add("asyncapi: schema " + name + ": " + p));
            }
        });
        return problems;
    }

    static Map<String, JsonNode> schemas(Path folder) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                String name = f.getFileName().toString();
                schemas.put(name.substring(0, name.length() - ".json".length()), JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void each(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            action.accept(e.getKey(), e.getValue());
        }
    }
}
