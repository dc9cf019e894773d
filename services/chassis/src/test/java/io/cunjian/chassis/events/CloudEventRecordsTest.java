package io.cunjian.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.inbox.CloudEventParser;
import io.cunjian.chassis.inbox.IncomingEvent;

/**
 * The envelope moved from hand-written headers to the CloudEvents SDK without changing a byte of
 * what travels: checked against a record the old relay wrote to a real broker.
 */
class CloudEventRecordsTest {

    private final RelayRecordFixture old = RelayRecordFixture.load();

    @Test
    void aRecordTheOldRelayWroteIsReadAsBefore() {
        IncomingEvent event = CloudEventParser.parse(old.asConsumerRecord());

        assertThat(event.id()).isEqualTo(UUID.fromString(old.header("ce_id")));
        assertThat(event.type()).isEqualTo("cunjian.region.renamed.v1");
        assertThat(event.source()).isEqualTo("/cunjian/cunjian-chassis");
        assertThat(event.subject()).isEqualTo("220303");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse(old.header("ce_time")));
        assertThat(event.key()).isEqualTo("220303");
        assertThat(event.data().get("name").asText()).isEqualTo("铁东区");
        assertThat(event.data().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void theNewRelayWritesTheSameHeadersAndValueBytes() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", "220303");
        data.put("name", "铁东区");
        data.put("previousName", "铁东");
        data.put("version", 2);
        ObjectMapper mapper = new ObjectMapper();
        UUID id = UUID.randomUUID();
        OffsetDateTime time = OffsetDateTime.parse("2026-12-05T08:00:00.123456Z");

        ProducerRecord<String, byte[]> written = CloudEventRecords.write(old.topic(), "220303", id,
                "cunjian.region.renamed.v1", "/cunjian/cunjian-chassis", "220303", time,
                EventData.bytes(mapper, mapper.valueToTree(data)));

        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : written.headers()) {
            assertThat(headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8))).as("one " + h.key()).isNull();
        }
        Map<String, String> expected = new LinkedHashMap<>();
        old.headers().forEach((name, value) -> expected.put(name, new String(value, StandardCharsets.UTF_8)));
        expected.put("ce_id", id.toString());
        expected.put("ce_time", "2026-12-05T08:00:00.123456Z");
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(written.value()).isEqualTo(old.value());
        assertThat(written.key()).isEqualTo(old.key());
        assertThat(written.topic()).isEqualTo(old.topic());
        assertThat(written.partition()).as("the producer's partitioner picks it from the key, as before").isNull();
    }

    @Test
    void timesAreWrittenAsTheOldRelayWroteThem() {
        // The relay reads ce_time from PostgreSQL in UTC; ISO offset form, no trailing zeros in the fraction.
        assertThat(old.header("ce_time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        OffsetDateTime time = OffsetDateTime.parse(old.header("ce_time"));
        ProducerRecord<String, byte[]> written = CloudEventRecords.write("t", "k", UUID.randomUUID(), "x", "/s", "k",
                time, new byte[] {'{', '}'});
        assertThat(new String(written.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                .isEqualTo(old.header("ce_time"));
    }

    @Test
    void quantitiesArePublishedAsPlainNumbers() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actualQuantity", new java.math.BigDecimal("80"));
        data.put("plannedQuantity", new java.math.BigDecimal("1200.50"));
        data.put("area", new java.math.BigDecimal("0.00001"));

        String json = new String(EventData.bytes(mapper, mapper.valueToTree(data)), StandardCharsets.UTF_8);

        assertThat(mapper.valueToTree(data).get("actualQuantity").toString()).as("what Jackson's tree alone gives").isEqualTo("8E+1");
        assertThat(json).isEqualTo("{\"actualQuantity\":80,\"plannedQuantity\":1200.5,\"area\":0.00001}");
    }
}
