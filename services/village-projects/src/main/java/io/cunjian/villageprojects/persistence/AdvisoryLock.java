package io.cunjian.villageprojects.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-level advisory locks of this service: held until the transaction ends, so
 * instances starting together run a whole-table step (a default catalogue, a default standard) once.
 * Namespaces: the chassis outbox uses 1 and 2, the catalogue 3, the default standard 4.
 */
final class AdvisoryLock {

    static final int CATALOGUE = 3;
    static final int DEFAULT_STANDARD = 4;

    private AdvisoryLock() {
    }

    static void hold(EntityManager em, int namespace) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:ns, 0)").setParameter("ns", namespace).getSingleResult();
    }
}
