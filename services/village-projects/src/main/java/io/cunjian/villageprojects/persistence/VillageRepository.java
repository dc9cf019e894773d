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
public class VillageRepository implements PanacheRepositoryBase<VillageEntity, String> {

    /** The filters of a village list; null or empty means "any"; {@code regions}: the caller's region prefixes. */
    public record Filter(List<String> regions, String within, String name, Boolean demonstration, Integer year) {
    }

    public List<VillageEntity> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long countSearch(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<VillageEntity> query(Filter f) {
        Parameters p = Parameters.with("within", like(f.within() == null ? "" : f.within()) + "%");
        StringBuilder where = new StringBuilder("code like :within escape '\\' and " + RegionPrefixes.anyOf("code", f.regions(), p));
        if (f.name() != null && !f.name().isEmpty()) {
            where.append(" and name like :name escape '\\'");
            p.and("name", "%" + like(f.name()) + "%");
        }
        if (f.demonstration() != null) {
            where.append(" and demonstration = :demonstration");
            p.and("demonstration", f.demonstration());
        }
        if (f.year() != null) {
            where.append(" and creationYear = :year");
            p.and("year", f.year());
        }
        return find(where.toString(), Sort.by("code"), p);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
