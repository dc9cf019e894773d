package io.cunjian.chassis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The gate of ADR 0014, in every {@code ./mvnw verify}: the event contracts of this checkout may
 * differ from the released ones only compatibly (new optional properties, new types, new enum
 * values, looser bounds). Anything else is a new type version ({@code …v2}) beside the old one.
 */
class EventContractsGateTest {

    static final Path ROOT = Path.of(System.getProperty("cunjian.root", "../.."));

    @Test
    void theContractsChangedOnlyCompatiblySinceTheirRelease() {
        List<String> problems = EventContracts.problems(ROOT.resolve(EventContracts.RELEASED), ROOT.resolve("api-specs"));

        assertThat(problems).as("""
                incompatible changes to released event contracts (ADR 0014): publish a new type version \
                (…v2) beside the old one instead; run api-specs/release only once a change is released""").isEmpty();
    }

    @Test
    void everySchemaStatesWhatARecordMustCarry() {
        EventContracts.schemas(ROOT.resolve(EventContracts.EVENTS)).forEach((type, schema) -> {
            assertThat(schema.path("type").asText()).as(type + " type").isEqualTo("object");
            assertThat(schema.path("required").isArray() && !schema.path("required").isEmpty()).as(type + " states required").isTrue();
            schema.path("required").forEach(name -> assertThat(schema.path("properties").has(name.asText()))
                    .as(type + " requires a property it describes: " + name).isTrue());
            assertThat(schema.path("title").asText()).as(type + " title").isEqualTo(type);
        });
    }

    @Test
    void everyReleasedTypeHasBeenReleasedWithItsAsyncApiMessage() {
        // The baseline is one release: its schemas and its AsyncAPI document name the same types.
        var released = EventContracts.schemas(ROOT.resolve(EventContracts.RELEASED).resolve("events")).keySet();
        var messages = new java.util.TreeSet<String>();
        EventContracts.yaml(ROOT.resolve(EventContracts.RELEASED).resolve("asyncapi.yaml"))
                .path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        assertThat(messages).isEqualTo(released);
    }
}
