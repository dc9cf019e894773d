package io.cunjian.reporting.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.cunjian.reporting.domain.RegionHistory;

/**
 * The history of every region change as it arrived (written with the other facts, {@link StoredFacts}); a
 * region's current state is the chassis replica's. Each event is applied exactly once — a repeat would
 * show as a second history row.
 */
@ApplicationScoped
class RegionChanges implements RegionHistory {

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public List<HistoryRow> history(String code) {
        List<?> rows = em.createNativeQuery("""
                SELECT ce_type, name, version, ce_time FROM report_region_history WHERE code = :code ORDER BY ce_time, id""")
                .setParameter("code", code).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new HistoryRow((String) r[0], (String) r[1], ((Number) r[2]).longValue(), Reports.time(r[3])))
                .toList();
    }
}
