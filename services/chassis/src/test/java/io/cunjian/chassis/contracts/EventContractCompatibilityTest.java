package io.cunjian.chassis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gate can fail: incompatible changes planted in a copy of this checkout's contracts are
 * reported with the type, the property and the reason; compatible ones pass.
 */
class EventContractCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETED = "cunjian.workorder.completed.v1";

    @TempDir
    Path dir;
    Path released;
    Path current;

    @BeforeEach
    void copyTheContracts() throws IOException {
        released = copy("released");
        current = copy("current");
    }

    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to.resolve("events"));
        Path from = EventContractsGateTest.ROOT.resolve("api-specs");
        try (var files = Files.list(from.resolve("events"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve("events").resolve(f.getFileName()));
            }
        }
        Files.copy(from.resolve("asyncapi.yaml"), to.resolve("asyncapi.yaml"));
        return to;
    }

    private void change(Path contracts, String type, Consumer<ObjectNode> edit) throws IOException {
        Path file = contracts.resolve("events").resolve(type + ".json");
        ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(schema);
        JSON.writeValue(file.toFile(), schema);
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) schema.get("properties").get(name);
    }

    private List<String> problems() {
        return EventContracts.problems(released, current);
    }

    @Test
    void identicalContractsPass() {
        assertThat(problems()).isEmpty();
    }

    @Test
    void aNewOptionalPropertyAndANewTypeAndANewEnumValuePass() throws IOException {
        change(current, COMPLETED, s -> ((ObjectNode) s.get("properties")).putObject("weather").put("type", "string"));
        change(current, "cunjian.camera.lifecycle-changed.v1", s -> s.findParents("enum").forEach(
                p -> ((ArrayNode) p.get("enum")).add("STOLEN")));
        Files.copy(current.resolve("events").resolve(COMPLETED + ".json"),
                current.resolve("events").resolve("cunjian.workorder.completed.v2.json"));
        change(current, COMPLETED, s -> property(s, "categoryCode").put("maxLength", 128));

        assertThat(problems()).isEmpty();
    }

    @Test
    void aRemovedPropertyIsReported() throws IOException {
        change(current, COMPLETED, s -> {
            ((ObjectNode) s.get("properties")).remove("photoCount");
            ((ArrayNode) s.get("required")).removeIf(n -> n.asText().equals("photoCount"));
        });
        assertThat(problems()).containsExactly(COMPLETED + ": photoCount: removed (or renamed)");
    }

    @Test
    void aPropertyNewlyRequiredIsReported() throws IOException {
        change(current, COMPLETED, s -> {
            ((ObjectNode) s.get("properties")).putObject("weather").put("type", "string");
            ((ArrayNode) s.get("required")).add("weather");
        });
        assertThat(problems()).containsExactly(COMPLETED + ": weather: newly required");
    }

    @Test
    void aChangedOrNarrowedTypeIsReported() throws IOException {
        change(current, COMPLETED, s -> property(s, "actualQuantity").put("type", "integer"));
        change(current, COMPLETED, s -> property(s, "photoCount").put("type", "number"));
        assertThat(problems()).containsExactlyInAnyOrder(
                COMPLETED + ": actualQuantity: type changed from [number] to [integer]",
                COMPLETED + ": photoCount: type changed from [integer] to [number]");
    }

    @Test
    void tightenedPatternFormatAndLengthAreReported() throws IOException {
        change(current, COMPLETED, s -> {
            property(s, "unit").put("maxLength", 8);
            property(s, "villageCode").put("pattern", "^22[0-9]{10}$");
            property(s, "by").put("format", "email");
            property(s, "photoCount").put("minimum", 2);
        });
        assertThat(problems()).containsExactlyInAnyOrder(
                COMPLETED + ": unit: maxLength tightened from 16 to 8",
                COMPLETED + ": villageCode: pattern changed from \"^[0-9]{12}$\" to \"^22[0-9]{10}$\"",
                COMPLETED + ": by: format added: \"email\"",
                COMPLETED + ": photoCount: minimum tightened from 1 to 2");
    }

    @Test
    void aRemovedEnumValueIsReported() throws IOException {
        String type = "cunjian.camera.lifecycle-changed.v1";
        change(current, type, s -> s.findParents("enum").forEach(p -> ((ArrayNode) p.get("enum")).remove(0)));
        assertThat(problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(type + ": ").contains("enum value").contains("removed"));
    }

    @Test
    void closingAnOpenObjectIsReported() throws IOException {
        change(released, COMPLETED, s -> s.put("additionalProperties", true));
        assertThat(problems()).containsExactly(COMPLETED + ": (payload): additionalProperties closed");
    }

    @Test
    void aRemovedTypeIsReportedUntilItIsRetiredOnPurpose() throws IOException {
        Files.delete(current.resolve("events").resolve(COMPLETED + ".json"));
        assertThat(problems()).contains(COMPLETED + ": type removed (a type is retired only by api-specs/release --retire " + COMPLETED + ")");
    }

    @Test
    void aRemovedChannelMessageOrChangedPayloadInTheAsyncApiDocumentIsReported() throws IOException {
        Path doc = current.resolve("asyncapi.yaml");
        String text = Files.readString(doc)
                .replace("""
                              cunjian.workorder.started.v1:
                                $ref: '#/components/messages/cunjian.workorder.started.v1'
                        """, "")
                .replace("$ref: './events/cunjian.workorder.verified.v1.json'", "$ref: './events/cunjian.workorder.verified.v2.json'")
                .replace("address: camera.events", "address: cameras.events");
        Files.writeString(doc, text);

        assertThat(problems()).containsExactlyInAnyOrder(
                "asyncapi: message cunjian.workorder.started.v1 removed from channel workorderEvents",
                "asyncapi: message cunjian.workorder.verified.v1: payload changed from {\"$ref\":\"./events/cunjian.workorder.verified.v1.json\"} to {\"$ref\":\"./events/cunjian.workorder.verified.v2.json\"}",
                "asyncapi: channel cameraEvents moved from \"camera.events\" to \"cameras.events\"");
    }
}
