package io.cunjian.villageprojects.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    public List<RegionEntity> children(String parentCode) {
        return list("parentCode", Sort.by("code"), parentCode);
    }

    /**
     * Regions whose name contains {@code name}, optionally below {@code within}, within any of
     * {@code regions} (the caller's), one page at a time.
     */
    public List<RegionEntity> search(String name, String within, List<String> regions, int page, int size) {
        return query(name, within, regions).page(Page.of(page, size)).list();
    }

    public long countSearch(String name, String within, List<String> regions) {
        return query(name, within, regions).count();
    }

    private PanacheQuery<RegionEntity> query(String name, String within, List<String> regions) {
        Parameters p = Parameters.with("name", "%" + like(name) + "%").and("within", like(within) + "%");
        return find("name like :name escape '\\' and code like :within escape '\\' and "
                + RegionPrefixes.anyOf("code", regions, p), Sort.by("code"), p);
    }

    /** A name may hold % or _: searched for as themselves. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
