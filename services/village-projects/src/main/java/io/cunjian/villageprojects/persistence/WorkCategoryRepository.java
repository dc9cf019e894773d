package io.cunjian.villageprojects.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.villageprojects.domain.WorkCategory;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WorkCategoryRepository implements PanacheRepositoryBase<WorkCategoryEntity, String> {

    /** Advisory-lock namespace of the catalogue (the outbox uses 1 and 2). */
    static final int CATALOGUE_LOCK = 3;

    public List<WorkCategoryEntity> list(WorkCategory.Group group, int page, int size) {
        return query(group).page(Page.of(page, size)).list();
    }

    public long count(WorkCategory.Group group) {
        return query(group).count();
    }

    private PanacheQuery<WorkCategoryEntity> query(WorkCategory.Group group) {
        return group == null ? findAll(Sort.by("workGroup").and("code")) : find("workGroup", Sort.by("code"), group);
    }

    /**
     * Serializes whole-catalogue writes (the default catalogue at start-up) across instances until
     * the transaction ends, so two instances starting together define each default once.
     */
    public void lockCatalogue() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:ns, 0)").setParameter("ns", CATALOGUE_LOCK)
                .getSingleResult();
    }
}
