package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.villageprojects.domain.WorkCategories;
import io.cunjian.villageprojects.domain.WorkCategory;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WorkCategoryRepository implements WorkCategories, PanacheRepositoryBase<WorkCategoryEntity, String> {

    @Override
    public Optional<WorkCategory> find(String code) {
        return findByIdOptional(code).map(WorkCategoryEntity::toDomain);
    }

    @Override
    public Optional<WorkCategory> findForChange(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE).map(WorkCategoryEntity::toDomain);
    }

    @Override
    public Map<String, WorkCategory> all() {
        return listAll().stream().map(WorkCategoryEntity::toDomain)
                .collect(Collectors.toMap(WorkCategory::code, Function.identity()));
    }

    @Override
    public List<WorkCategory> list(WorkCategory.Group group, int page, int size) {
        return query(group).page(Page.of(page, size)).list().stream().map(WorkCategoryEntity::toDomain).toList();
    }

    @Override
    public long count(WorkCategory.Group group) {
        return query(group).count();
    }

    private PanacheQuery<WorkCategoryEntity> query(WorkCategory.Group group) {
        return group == null ? findAll(Sort.by("workGroup").and("code")) : find("workGroup", Sort.by("code"), group);
    }

    @Override
    public void add(WorkCategory c) {
        WorkCategoryEntity e = new WorkCategoryEntity();
        e.code = c.code();
        e.nameZh = c.nameZh();
        e.nameEn = c.nameEn();
        e.unit = c.unit();
        e.workGroup = c.group();
        persist(e);
    }

    @Override
    public void update(WorkCategory c) {
        WorkCategoryEntity e = findById(c.code());
        e.nameZh = c.nameZh();
        e.nameEn = c.nameEn();
        flush(); // bumps @Version to the one the category (and its event) names
    }

    @Override
    public void lockCatalogue() {
        AdvisoryLock.hold(getEntityManager(), AdvisoryLock.CATALOGUE);
    }
}
