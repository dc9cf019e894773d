package io.cunjian.reporting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.chassis.events.EventSchemas;

/**
 * Every event type reporting reads has a record that says the same as its committed schema: a sample
 * valid against the schema, read into the record and written back, is still valid and means the same
 * (a null and an absent optional field mean the same). A field the record does not know is ignored.
 */
class EventRecordsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Each type reporting reads → its record. */
    static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("cunjian.region.registered.v1", RegionRegistered.class),
            Map.entry("cunjian.region.renamed.v1", RegionRenamed.class),
            Map.entry("cunjian.village.registered.v1", VillageRegistered.class),
            Map.entry("cunjian.village.updated.v1", VillageRegistered.class),
            Map.entry("cunjian.category.defined.v1", CategoryDefined.class),
            Map.entry("cunjian.category.renamed.v1", CategoryRenamed.class),
            Map.entry("cunjian.standard.published.v1", StandardPublished.class),
            Map.entry("cunjian.plan.set.v1", PlanSet.class),
            Map.entry("cunjian.plan.changed.v1", PlanSet.class),
            Map.entry("cunjian.inspection.recorded.v1", InspectionRecorded.class),
            Map.entry("cunjian.workorder.created.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.issued.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.assigned.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.started.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.completed.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.rejected.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.verified.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.verified.v2", WorkOrderVerifiedV2.class),
            Map.entry("cunjian.workorder.corrected.v1", WorkOrderChanged.class),
            Map.entry("cunjian.workorder.cancelled.v1", WorkOrderChanged.class),
            Map.entry("cunjian.camera.zone-defined.v1", ZoneDefined.class),
            Map.entry("cunjian.camera.zone-changed.v1", ZoneDefined.class),
            Map.entry("cunjian.camera.zone-coverage-changed.v1", ZoneCoverageChanged.class),
            Map.entry("cunjian.camera.registered.v1", CameraRegistered.class),
            Map.entry("cunjian.camera.updated.v1", CameraRegistered.class),
            Map.entry("cunjian.camera.lifecycle-changed.v1", CameraLifecycleChanged.class),
            Map.entry("cunjian.camera.decommissioned.v1", CameraDecommissioned.class),
            Map.entry("cunjian.camera.online-changed.v1", CameraOnlineChanged.class));

    static JsonNode samples() throws IOException {
        try (InputStream in = EventRecordsTest.class.getResourceAsStream("/event-samples.json")) {
            return JSON.readTree(in);
        }
    }

    static Stream<Arguments> types() throws IOException {
        JsonNode samples = samples();
        return RECORDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue(), samples.get(e.getKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void aValidPayloadReadIntoItsRecordAndWrittenBackIsStillValidAndMeansTheSame(String type, Class<?> record, JsonNode sample) {
        assertThat(sample).as("a sample of " + type).isNotNull();
        assertThat(EventSchemas.problems(type, sample)).as("the sample of " + type).isEmpty();

        JsonNode written = EventPayloads.write(EventPayloads.read(sample, record));

        assertThat(EventSchemas.problems(type, written)).as(type + " written back: " + written).isEmpty();
        assertThat(meaning(written)).as(type).isEqualTo(meaning(sample));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void aFieldTheRecordDoesNotKnowIsIgnored(String type, Class<?> record, JsonNode sample) {
        ObjectNode newer = sample.deepCopy();
        newer.put("addedByANewerProducer", "optional");
        newer.putObject("anotherNewSection").put("anything", 1);

        assertThat(EventPayloads.read(newer, record)).isEqualTo(EventPayloads.read(sample, record));
    }

    @Test
    void everyTypeReportingReadsHasACommittedSchemaAndASample() throws IOException {
        JsonNode samples = samples();
        for (String type : RECORDS.keySet()) {
            assertThat(EventSchemas.forType(type)).as(type).isPresent();
            assertThat(samples.has(type)).as("a sample of " + type).isTrue();
        }
    }

    @Test
    void everyStatusTheWorkOrderSchemasNameIsClassifiedAsOpenOrNot() throws IOException {
        Set<String> named = new HashSet<>();
        List<Path> schemas = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../../api-specs/events"))) {
            files.filter(f -> f.getFileName().toString().startsWith("cunjian.workorder.")).forEach(schemas::add);
        }
        assertThat(schemas).hasSizeGreaterThanOrEqualTo(9);
        for (Path schema : schemas) {
            JsonNode properties = JSON.readTree(schema.toFile()).get("properties");
            for (String field : List.of("status", "previousStatus")) {
                JsonNode p = properties.path(field);
                if (p.has("const")) {
                    named.add(p.get("const").asText());
                }
                p.path("enum").forEach(v -> named.add(v.asText()));
            }
        }
        assertThat(named).contains("DRAFT", "VERIFIED", "CANCELLED");
        for (String status : named) {
            assertThat(WorkOrderStatus.valueOf(status)).as(status).isNotNull();
        }
        assertThat(Stream.of(WorkOrderStatus.values()).map(Enum::name)).as("no status the contract does not have")
                .containsExactlyInAnyOrderElementsOf(named);
        // the roll-up's overdue orders: what still needs doing or accepting
        assertThat(Stream.of(WorkOrderStatus.values()).filter(WorkOrderStatus::isOpen).map(Enum::name))
                .containsExactlyInAnyOrder("DRAFT", "ISSUED", "ASSIGNED", "IN_PROGRESS", "REJECTED");
    }

    /** JSON as plain values: numbers by value, a null field the same as an absent one. */
    static Object meaning(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    fields.put(f.getKey(), meaning(f.getValue()));
                }
            });
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(i -> items.add(meaning(i)));
            return items;
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
