package io.cunjian.villageprojects.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    public List<RegionEntity> children(String parentCode) {
        return list("parentCode", Sort.by("code"), parentCode);
    }

    /** Regions whose name contains {@code name}, optionally below {@code within}, one page at a time. */
    public List<RegionEntity> search(String name, String within, int page, int size) {
        return find("name like ?1 and code like ?2", Sort.by("code"), "%" + name + "%", within + "%")
                .page(Page.of(page, size)).list();
    }

    public long countSearch(String name, String within) {
        return count("name like ?1 and code like ?2", "%" + name + "%", within + "%");
    }
}
