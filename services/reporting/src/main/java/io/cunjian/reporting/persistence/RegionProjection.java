package io.cunjian.reporting.persistence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.chassis.replica.RegionReplica;

/**
 * Regions in reporting: the chassis replica for their current state, plus the history of every
 * change as it arrived. Runs inside the consumer's transaction (with the message log), so each
 * event is applied exactly once — a repeat would show as a second history row.
 */
@ApplicationScoped
public class RegionProjection {

    public record HistoryRow(String type, String name, long version, OffsetDateTime at) {
    }

    @Inject
    EntityManager em;
    @Inject
    RegionReplica replica;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(IncomingEvent event) {
        if (!replica.on(event)) {
            return; // not a region event
        }
        em.createNativeQuery("""
                INSERT INTO report_region_history (code, ce_type, name, version, ce_time)
                VALUES (:code, :type, :name, :version, :time)""")
                .setParameter("code", event.data().get("code").asText())
                .setParameter("type", event.type())
                .setParameter("name", event.data().get("name").asText())
                .setParameter("version", event.data().get("version").asLong())
                .setParameter("time", event.time())
                .executeUpdate();
    }

    @Transactional
    public List<HistoryRow> history(String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT ce_type, name, version, ce_time FROM report_region_history WHERE code = :code ORDER BY ce_time, id""")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new HistoryRow((String) r[0], (String) r[1], ((Number) r[2]).longValue(), toOffset(r[3])))
                .toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
