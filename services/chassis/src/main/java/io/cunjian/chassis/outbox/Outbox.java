package io.cunjian.chassis.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.events.EventSchemas;

/**
 * Where service code records the events its changes cause. The row commits with the change or not
 * at all ({@code MANDATORY}: there is no outbox write outside a business transaction).
 *
 * <p>Commit order per key: the writer takes a transaction-scoped advisory lock on the key before it
 * inserts, so a second transaction with the same key inserts (and gets a higher id) only after the
 * first has committed. The relay publishes each key's rows in id order, hence in commit order.
 * {@code ce_time} is read from the clock at the insert, the last statement before commit.
 */
@ApplicationScoped
public class Outbox {

    static final int KEY_LOCK_NAMESPACE = 1;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(OutgoingEvent event) {
        JsonNode data = json.valueToTree(event.data());
        if (config.validateSchemas()) {
            List<String> problems = EventSchemas.problems(event.type(), data);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(event.type() + " does not match its schema: " + problems);
            }
        }
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(:key))")
                .setParameter("ns", KEY_LOCK_NAMESPACE).setParameter("key", event.key()).getSingleResult();
        em.createNativeQuery("""
                INSERT INTO outbox_event (ce_id, ce_type, ce_source, ce_subject, ce_time, topic, event_key, key_bucket, payload)
                VALUES (:id, :type, :source, :subject, clock_timestamp(), :topic, :key, :bucket, :payload)""")
                .setParameter("id", id)
                .setParameter("type", event.type())
                .setParameter("source", "/cunjian/" + application)
                .setParameter("subject", event.subject())
                .setParameter("topic", event.topic())
                .setParameter("key", event.key())
                .setParameter("bucket", Math.floorMod(event.key().hashCode(), config.buckets()))
                .setParameter("payload", payload)
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) == null) {
            transactions.putResource(OutboxRelay.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
    }

    /** For tests: the commit time the outbox stamped on an event. */
    @Transactional
    public OffsetDateTime timeOf(UUID ceId) {
        return (OffsetDateTime) em.createNativeQuery("SELECT ce_time FROM outbox_event WHERE ce_id = :id", OffsetDateTime.class)
                .setParameter("id", ceId).getSingleResult();
    }
}
