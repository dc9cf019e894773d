package io.cunjian.chassis.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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

    /**
     * Records a batch of events as applied by {@code consumer} in one statement; returns those not
     * applied before, in their order, each once (a batch may hold the same event twice).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> firstDeliveries(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO message_log (consumer, ce_id, ce_type, ce_time)
                    SELECT ?, id, type, time FROM unnest(?::uuid[], ?::text[], ?::timestamptz[]) AS e(id, type, time)
                    ON CONFLICT DO NOTHING RETURNING ce_id""")) {
                s.setString(1, consumer);
                s.setArray(2, c.createArrayOf("uuid", events.stream().map(IncomingEvent::id).toArray()));
                s.setArray(3, c.createArrayOf("text", events.stream().map(IncomingEvent::type).toArray()));
                s.setArray(4, c.createArrayOf("text", events.stream().map(e -> e.time().toString()).toArray()));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        List<IncomingEvent> fresh = new ArrayList<>(inserted.size());
        for (IncomingEvent e : events) {
            if (inserted.remove(e.id())) {
                fresh.add(e);
            }
        }
        return fresh;
    }
}
