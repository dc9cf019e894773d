package io.cunjian.villageprojects.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CreationPlanRepository implements PanacheRepositoryBase<CreationPlanEntity, String> {

    /** Every revision of a village's plan, newest first. */
    public List<PlanRevisionEntity> revisions(String villageCode) {
        return PlanRevisionEntity.find("id.villageCode", Sort.by("id.revision", Sort.Direction.Descending), villageCode)
                .list();
    }

    public void persistRevision(PlanRevisionEntity revision) {
        revision.persist();
    }
}
