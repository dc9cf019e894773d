package io.cunjian.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.EventSchemas;

/**
 * Consumers read tolerantly (ADR 0014): a property a newer producer added is ignored, while what
 * a consumer cannot read — a missing required property, a wrong type, a broken envelope — is still
 * poison with its reason.
 */
class CloudEventParserTest {

    private static final String RENAMED = "cunjian.region.renamed.v1";

    private static ConsumerRecord<String, byte[]> renamed(String json) {
        return ConsumerRecords.cloudEvent("village.events", "220303", RENAMED, json);
    }

    @Test
    void aPropertyTheConsumerDoesNotKnowIsIgnored() {
        IncomingEvent event = CloudEventParser.parse(renamed("""
                {"code":"220303","name":"铁东区","previousName":"铁东","version":2,"renamedBy":"district-admin"}"""));

        assertThat(event.type()).isEqualTo(RENAMED);
        assertThat(event.data().get("name").asText()).isEqualTo("铁东区");
        // A producer, though, may not publish what its contract does not declare.
        assertThat(EventSchemas.problems(RENAMED, event.data())).singleElement().asString().contains("renamedBy");
    }

    @Test
    void aMissingRequiredPropertyIsPoisonNamingIt() {
        assertThatThrownBy(() -> CloudEventParser.parse(renamed("""
                {"code":"220303","previousName":"铁东","version":2}""")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(RENAMED + " does not match its schema").hasMessageContaining("name");
    }

    @Test
    void aWrongTypeIsPoisonNamingTheProperty() {
        assertThatThrownBy(() -> CloudEventParser.parse(renamed("""
                {"code":"220303","name":"铁东区","previousName":"铁东","version":"two"}""")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("version").hasMessageContaining("integer");
    }

    @Test
    void aWrongTypeInsideAnUnknownPropertyIsNotTheConsumersConcern() {
        IncomingEvent event = CloudEventParser.parse(renamed("""
                {"code":"220303","name":"铁东区","previousName":"铁东","version":2,"extra":{"nested":[1,"x",null]}}"""));
        assertThat(event.data().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aSecondVersionOfATypeIsReadWithItsOwnSchemaBesideTheFirst() {
        IncomingEvent v1 = CloudEventParser.parse(renamed("""
                {"code":"220303","name":"铁东区","previousName":"铁东","version":2}"""));
        IncomingEvent v2 = CloudEventParser.parse(ConsumerRecords.cloudEvent("village.events", "220303",
                "cunjian.region.renamed.v2", """
                {"code":"220303","name":{"zh":"铁东区","en":"Tiedong"},"previousName":"铁东","version":3}"""));

        assertThat(v1.data().get("name").asText()).isEqualTo("铁东区");
        assertThat(v2.data().get("name").get("zh").asText()).isEqualTo("铁东区");
        // v1's shape under the v2 name is checked against v2's schema, and fails.
        assertThatThrownBy(() -> CloudEventParser.parse(ConsumerRecords.cloudEvent("village.events", "220303",
                "cunjian.region.renamed.v2", """
                {"code":"220303","name":"铁东区","previousName":"铁东","version":2}""")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("cunjian.region.renamed.v2").hasMessageContaining("name");
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsPoison() {
        ConsumerRecord<String, byte[]> record = renamed("{}");
        record.headers().remove("ce_specversion");
        assertThatThrownBy(() -> CloudEventParser.parse(record)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("not a CloudEvents 1.0 record");
    }

    @Test
    void aRecordWithAnUnreadableTimeIsPoison() {
        ConsumerRecord<String, byte[]> record = renamed("""
                {"code":"220303","name":"铁东区","previousName":"铁东","version":2}""");
        record.headers().remove("ce_time");
        record.headers().add("ce_time", ConsumerRecords.bytes("yesterday"));
        assertThatThrownBy(() -> CloudEventParser.parse(record)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("time");
    }

    @Test
    void aRecordWithoutSourceOrWithAnIdThatIsNoUuidIsPoison() {
        ConsumerRecord<String, byte[]> noSource = renamed("{}");
        noSource.headers().remove("ce_source");
        assertThatThrownBy(() -> CloudEventParser.parse(noSource)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("source");
        ConsumerRecord<String, byte[]> badId = renamed("{}");
        badId.headers().remove("ce_id");
        badId.headers().add("ce_id", ConsumerRecords.bytes("42"));
        assertThatThrownBy(() -> CloudEventParser.parse(badId)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_id is not a UUID");
    }

    @Test
    void dataThatIsNotJsonIsPoison() {
        assertThatThrownBy(() -> CloudEventParser.parse(renamed("not json at all"))).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("not JSON");
    }
}
