package io.cunjian.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hand-built clients (outbox relay, dead letters, reporting's rebuild) must authenticate like
 * the SmallRye channels: against the production listener a client without the SCRAM settings
 * would be refused and the outbox would never drain.
 */
class KafkaClientSettingsTest {

    @Test
    void handBuiltClientsGetTheBrokerAndItsSecuritySettingsButNotAChannelsOwn() {
        KafkaClientSettings settings = new KafkaClientSettings();
        settings.kafka = Map.of(
                "bootstrap.servers", "cunjian-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
                "group.id", "work-orders");
        assertThat(settings.connection()).containsOnlyKeys("bootstrap.servers", "security.protocol", "sasl.mechanism",
                "sasl.jaas.config", "ssl.truststore.type", "ssl.truststore.location");
    }

    /** Locally the JAAS line and the trust store are unset (empty): passing "" on would make Kafka try to load them. */
    @Test
    void settingsLeftEmptyAreNotPassedOn() {
        KafkaClientSettings settings = new KafkaClientSettings();
        settings.kafka = Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT",
                "sasl.jaas.config", "", "ssl.truststore.location", "");
        assertThat(settings.connection()).containsOnlyKeys("bootstrap.servers", "security.protocol");
    }

    /** With three copies and min ISR 2, an event is safe only if the producer waits for them and never writes a retry twice. */
    @Test
    void eventProducersWaitForAllInSyncCopiesAndWriteARetryOnce() {
        KafkaClientSettings settings = new KafkaClientSettings();
        settings.kafka = Map.of("bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096", "acks", "1");
        assertThat(settings.producer()).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("bootstrap.servers", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
    }
}
