package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.villageprojects.domain.CreationPlans;
import io.cunjian.villageprojects.domain.PlanRevision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** creation_plan holds each village's current plan; plan_revision every revision, never updated. */
@ApplicationScoped
public class CreationPlanRepository implements CreationPlans, PanacheRepositoryBase<CreationPlanEntity, String> {

    @Override
    public Optional<PlanRevision> current(String villageCode) {
        return findByIdOptional(villageCode).map(CreationPlanEntity::toRevision);
    }

    @Override
    public void add(PlanRevision revision) {
        Optional<CreationPlanEntity> current = findByIdOptional(revision.plan().villageCode());
        CreationPlanEntity e = current.orElseGet(CreationPlanEntity::new);
        e.apply(revision);
        if (current.isEmpty()) {
            persist(e);
        }
        e.revisionRow().persist();
    }

    @Override
    public List<PlanRevision> revisions(String villageCode) {
        return PlanRevisionEntity.<PlanRevisionEntity>find("id.villageCode",
                Sort.by("id.revision", Sort.Direction.Descending), villageCode).list().stream()
                .map(PlanRevisionEntity::toRevision).toList();
    }
}
