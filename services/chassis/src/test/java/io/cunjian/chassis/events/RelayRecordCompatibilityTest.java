package io.cunjian.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The same event the old relay wrote ({@code events/relay-record.json}), published again through
 * the outbox and the SDK-based relay onto a real broker: the record carries the same headers, key
 * and value bytes (its own id and time aside), and the W3C {@code traceparent} of the relay's publish span
 * (ADR 0023). Written outside any request, it has no {@code ce_traceparent}.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RelayRecordCompatibilityTest {

    @Inject
    Outbox outbox;
    @Inject
    TopicNames topics;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theRelayPutsTheSameRecordOnTheBrokerAsBefore() {
        RelayRecordFixture old = RelayRecordFixture.load();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", "220303");
        data.put("name", "铁东区");
        data.put("previousName", "铁东");
        data.put("version", 2);
        String id = QuarkusTransaction.requiringNew().call(() -> outbox.publish(
                new OutgoingEvent(TopicNames.VILLAGE, "220303", "cunjian.region.renamed.v1", null, data))).toString();

        List<TopicReader.Event> read = TopicReader.readUntil(bootstrap, topics.physical(TopicNames.VILLAGE),
                Duration.ofSeconds(30), events -> events.stream().anyMatch(e -> id.equals(e.ceId())));
        TopicReader.Event event = read.stream().filter(e -> id.equals(e.ceId())).findFirst().orElseThrow();

        Map<String, String> expected = new LinkedHashMap<>();
        old.headers().forEach((name, value) -> expected.put(name, new String(value, StandardCharsets.UTF_8)));
        expected.put("ce_id", id);
        expected.put("ce_time", event.ceTime());
        expected.put("traceparent", event.headers().get("traceparent"));
        assertThat(event.headers()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(event.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(event.ceTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(event.key()).isEqualTo(old.key());
        assertThat(event.data().getBytes(StandardCharsets.UTF_8)).isEqualTo(old.value());
    }
}
