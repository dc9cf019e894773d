package io.cunjian.chassis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * During a rolling upgrade a newer producer may already publish a property this consumer's schema
 * does not know (ADR 0014): the event is applied, not dead-lettered. What the consumer cannot
 * read still goes to {@code <topic>.dlq} with the reason, on the real broker.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TolerantConsumptionTest {

    private static final String RENAMED = "cunjian.region.renamed.v1";

    @Inject
    EventConsumption consumption;
    @Inject
    TopicNames topics;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private ConsumerRecord<String, byte[]> renamed(String code, String json) {
        return ConsumerRecords.cloudEvent(topics.physical(TopicNames.VILLAGE), code, RENAMED, json);
    }

    @Test
    void anEventWithAnUnknownOptionalPropertyIsAppliedAndABrokenOneIsDeadLetteredWithItsReason() {
        List<IncomingEvent> applied = new CopyOnWriteArrayList<>();
        ConsumerRecord<String, byte[]> newer = renamed("220381", """
                {"code":"220381","name":"双辽市","previousName":"双辽","version":2,"renamedBy":"city-admin"}""");
        ConsumerRecord<String, byte[]> missing = renamed("220382", """
                {"code":"220382","previousName":"旧名","version":2}""");
        ConsumerRecord<String, byte[]> wrongType = renamed("220383", """
                {"code":"220383","name":"新名","previousName":"旧名","version":"2"}""");

        consumption.applyBatch("chassis-tolerance", List.of(newer, missing, wrongType), applied::addAll);

        assertThat(applied).extracting(IncomingEvent::key).containsExactly("220381");
        List<TopicReader.Event> dead = TopicReader.readUntil(bootstrap, topics.physical(TopicNames.VILLAGE) + ".dlq",
                Duration.ofSeconds(30), read -> read.stream().filter(e -> e.key().startsWith("22038")).count() >= 2)
                .stream().filter(e -> e.key().startsWith("22038")).toList();
        assertThat(dead).extracting(TopicReader.Event::key).containsExactlyInAnyOrder("220382", "220383");
        assertThat(reason(dead, "220382")).contains(RENAMED + " does not match its schema").contains("name");
        assertThat(reason(dead, "220383")).contains("version").contains("integer");
    }

    @Test
    void oneAtATimeTheSameHolds() {
        List<IncomingEvent> applied = new CopyOnWriteArrayList<>();
        consumption.apply("chassis-tolerance-single", renamed("220382", """
                {"code":"220382","name":"梨树县","previousName":"梨树","version":5,"spokenName":"lishu"}"""), applied::add);
        assertThat(applied).hasSize(1);

        // Thrown to the channel, whose dead-letter-queue failure strategy sends it to <topic>.dlq with this reason.
        assertThatThrownBy(() -> consumption.apply("chassis-tolerance-single", renamed("220382", """
                {"code":"220382","name":"梨树县","previousName":"梨树"}"""), applied::add))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("version");
        assertThat(applied).hasSize(1);
    }

    private static String reason(List<TopicReader.Event> dead, String key) {
        return dead.stream().filter(e -> key.equals(e.key())).findFirst().orElseThrow().headers().get("dead-letter-reason");
    }
}
