package io.cunjian.chassis.events;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * What every Kafka client a service builds by hand (the outbox relay, the dead-letter producer,
 * reporting's rebuild) shares with its SmallRye channels: the bootstrap servers and the security
 * settings ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}). Both read
 * Quarkus's {@code default-kafka-broker} configuration, so a cluster that asks for SCRAM over TLS
 * (the Kubernetes production overlay) is met by every client alike, and plain Kafka stays the
 * local default.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** Bootstrap servers plus the security settings; callers add what is their own (acks, group, …). */
    public Properties connection() {
        Properties p = new Properties();
        kafka.forEach((key, value) -> {
            if (shared(key) && value != null && !String.valueOf(value).isEmpty()) {
                p.put(key, value);
            }
        });
        return p;
    }

    private static boolean shared(String key) {
        return key.equals("bootstrap.servers") || key.equals("security.protocol")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
