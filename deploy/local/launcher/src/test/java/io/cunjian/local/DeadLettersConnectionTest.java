package io.cunjian.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The dead-letter command reaches a secured cluster with the settings the services read, and plain Kafka without them. */
class DeadLettersConnectionTest {

    @Test
    void aSecuredClusterGetsTheServicesSecuritySettings() {
        Properties p = DeadLetters.connection("kafka:9093", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"cunjian-dlq-replay\" password=\"x\";",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt",
                "HOME", "/root"));
        assertThat(p).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
                .containsKey("sasl.jaas.config")
                .hasSize(6);
    }

    @Test
    void withoutThemItIsPlainKafka() {
        assertThat(DeadLetters.connection("127.0.0.1:9092", Map.of("KAFKA_SASL_MECHANISM", " ")))
                .containsOnlyKeys("bootstrap.servers");
    }
}
