package io.cunjian.reporting.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.inbox.IncomingEvent;

/**
 * Regions in reporting, from region events. Runs inside the consumer's transaction (with the
 * message log), so it applies each event exactly once; a rename that arrives after a newer one is
 * kept in the history but does not overwrite the newer name.
 */
@ApplicationScoped
public class RegionProjection {

    public static final String REGISTERED = "cunjian.region.registered.v1";
    public static final String RENAMED = "cunjian.region.renamed.v1";

    public record RegionRow(String code, String name, String level, String parentCode, long version) {
    }

    public record HistoryRow(String type, String name, long version, java.time.OffsetDateTime at) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(IncomingEvent event) {
        JsonNode d = event.data();
        switch (event.type()) {
            case REGISTERED -> em.createNativeQuery("""
                    INSERT INTO report_region (code, name, level, parent_code, version)
                    VALUES (:code, :name, :level, :parent, :version)
                    ON CONFLICT (code) DO NOTHING""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("name", d.get("name").asText())
                    .setParameter("level", d.get("level").asText())
                    .setParameter("parent", d.path("parentCode").isTextual() ? d.get("parentCode").asText() : null)
                    .setParameter("version", d.get("version").asLong())
                    .executeUpdate();
            case RENAMED -> em.createNativeQuery("""
                    UPDATE report_region SET name = :name, version = :version WHERE code = :code AND version < :version""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("name", d.get("name").asText())
                    .setParameter("version", d.get("version").asLong())
                    .executeUpdate();
            default -> {
                return; // not a region event
            }
        }
        em.createNativeQuery("""
                INSERT INTO report_region_history (code, ce_type, name, version, ce_time)
                VALUES (:code, :type, :name, :version, :time)""")
                .setParameter("code", d.get("code").asText())
                .setParameter("type", event.type())
                .setParameter("name", d.get("name").asText())
                .setParameter("version", d.get("version").asLong())
                .setParameter("time", event.time())
                .executeUpdate();
    }

    private static java.time.OffsetDateTime toOffset(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    @Transactional
    public Optional<RegionRow> find(String code) {
        List<?> rows = em.createNativeQuery(
                "SELECT code, name, level, parent_code, version FROM report_region WHERE code = :code")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new RegionRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue()))
                .findFirst();
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
}
