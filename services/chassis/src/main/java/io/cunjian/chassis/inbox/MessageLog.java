package io.cunjian.chassis.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The events each consumer has applied. {@code MANDATORY}: the record commits with the change the
 * event caused, or neither does — so a redelivered event is recognised and changes nothing.
 */
@ApplicationScoped
public class MessageLog {

    @Inject
    EntityManager em;

    /** Records the event as applied by {@code consumer}; false when it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return em.createNativeQuery("""
                INSERT INTO message_log (consumer, ce_id, ce_type, ce_time) VALUES (:consumer, :id, :type, :time)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("time", event.time())
                .executeUpdate() == 1;
    }
}
