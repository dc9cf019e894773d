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

    /**
     * {@link #connection()} for a producer of events: every write waits for all in-sync copies
     * ({@code acks=all}, with the topic's {@code min.insync.replicas}) and a retried send is
     * written once ({@code enable.idempotence=true}). Kafka's defaults say the same today; set here
     * so that no client of ours depends on a default, and so that there is one place to read it.
     */
    public Properties producer() {
        Properties p = connection();
        p.put("acks", "all");
        p.put("enable.idempotence", true);
        return p;
    }

    private static boolean shared(String key) {
        return key.equals("bootstrap.servers") || key.equals("security.protocol")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
