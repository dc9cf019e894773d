package io.cunjian.villageprojects.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.villageprojects.domain.StandardVersion;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StandardVersionRepository implements PanacheRepositoryBase<StandardVersionEntity, String> {

    // advisory lock namespace of this service; the catalogue uses 3
    static final int DEFAULTS_LOCK = 4;

    /** Versions whose scope covers {@code region} (when given) with the status (when given), newest first. */
    public List<StandardVersionEntity> search(String covering, StandardVersion.Status status, int page, int size) {
        return query(covering, status).page(Page.of(page, size)).list();
    }

    public long countSearch(String covering, StandardVersion.Status status) {
        return query(covering, status).count();
    }

    private PanacheQuery<StandardVersionEntity> query(String covering, StandardVersion.Status status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (covering != null && !covering.isEmpty()) {
            // the scope is a prefix of the region (a village in 220382 follows a standard for 22)
            where.append(" and :covering like concat(scope, '%')");
            p.and("covering", covering);
        }
        if (status != null) {
            where.append(" and status = :status");
            p.and("status", status);
        }
        return find(where.toString(), Sort.by("createdAt", Sort.Direction.Descending).and("id"), p);
    }

    /** Serialises the start-up publication of the default version across instances. */
    public void lockDefaults() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:ns, 0)").setParameter("ns", DEFAULTS_LOCK)
                .getSingleResult();
    }
}
