package io.cunjian.chassis.replica;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.chassis.problem.RetryableProblem;

/**
 * A service's copy of the work-category catalogue from village.events, next to {@link RegionReplica}
 * and fed by the same consumer. A work order's quantity is in its category's unit, so the unit is
 * what services read here; it never changes once published.
 */
@ApplicationScoped
public class CategoryReplica {

    public static final String DEFINED = "cunjian.category.defined.v1";
    public static final String RENAMED = "cunjian.category.renamed.v1";

    public record ReplicaCategory(String code, String nameZh, String nameEn, String unit, String unitZh, String group,
            long version) {
    }

    @Inject
    EntityManager em;

    /** Applies a category event; returns false for other types. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean on(IncomingEvent event) {
        JsonNode d = event.data();
        switch (event.type()) {
            case DEFINED -> em.createNativeQuery("""
                    INSERT INTO replica_category (code, name_zh, name_en, unit, unit_zh, grp, version, ce_time)
                    VALUES (:code, :zh, :en, :unit, :unitZh, :grp, :version, :time)
                    ON CONFLICT (code) DO NOTHING""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("zh", d.get("nameZh").asText())
                    .setParameter("en", d.get("nameEn").asText())
                    .setParameter("unit", d.get("unit").asText())
                    .setParameter("unitZh", d.get("unitZh").asText())
                    .setParameter("grp", d.get("group").asText())
                    .setParameter("version", d.get("version").asLong())
                    .setParameter("time", event.time())
                    .executeUpdate();
            case RENAMED -> em.createNativeQuery("""
                    UPDATE replica_category SET name_zh = :zh, name_en = :en, version = :version, ce_time = :time
                    WHERE code = :code AND version < :version""")
                    .setParameter("code", d.get("code").asText())
                    .setParameter("zh", d.get("nameZh").asText())
                    .setParameter("en", d.get("nameEn").asText())
                    .setParameter("version", d.get("version").asLong())
                    .setParameter("time", event.time())
                    .executeUpdate();
            default -> {
                return false;
            }
        }
        return true;
    }

    @Transactional
    public Optional<ReplicaCategory> find(String code) {
        List<?> rows = em.createNativeQuery(
                "SELECT code, name_zh, name_en, unit, unit_zh, grp, version FROM replica_category WHERE code = :code")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ReplicaCategory((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).longValue()))
                .findFirst();
    }

    /** The category, or a retryable problem when this replica has not seen it (yet). */
    public ReplicaCategory require(String code) {
        return find(code).orElseThrow(
                () -> new RetryableProblem(java.time.Duration.ofSeconds(2), "problem.replica.category-unknown", code));
    }
}
