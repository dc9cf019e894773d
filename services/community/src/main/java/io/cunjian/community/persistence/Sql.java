package io.cunjian.community.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.panache.common.Parameters;

/** What the repositories share: the region filter of a list and reading native rows. */
final class Sql {

    /**
     * PostgreSQL transaction-level advisory lock namespace of a village's community changes (the chassis outbox
     * uses 1 and 2).
     */
    static final int VILLAGE_LOCK = 10;

    private Sql() {
    }

    /** {@code column} within the caller's regions and, when {@code village} is not null, in that village. */
    static String scoped(String column, List<String> regions, String village, Parameters p) {
        String where = RegionPrefixes.anyOf(column, regions, p);
        if (village != null) {
            where += " and " + column + " = :village";
            p.and("village", village);
        }
        return where;
    }

    static Query bind(Query q, Parameters p) {
        for (Map.Entry<String, Object> e : p.map().entrySet()) {
            q.setParameter(e.getKey(), e.getValue());
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    static void lockVillage(EntityManager em, String villageCode) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:ns, hashtext(:village))").setParameter("ns", VILLAGE_LOCK)
                .setParameter("village", villageCode).getSingleResult();
    }
}
