package io.cunjian.camerainventory.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CameraRepository implements PanacheRepositoryBase<CameraEntity, String> {

    /** Filters of a camera list; null means "any"; {@code regions}: the caller's region prefixes. */
    public record Filter(List<String> regions, String within, String village, Long zoneId, Lifecycle lifecycle,
            Boolean online, String vendor) {
    }

    public List<CameraEntity> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public List<CameraEntity> all(Filter filter) {
        return query(filter).list();
    }

    public long countSearch(Filter filter) {
        return query(filter).count();
    }

    public List<CameraEntity> ofVillage(String villageCode) {
        return list("villageCode", Sort.by("serial"), villageCode);
    }

    private PanacheQuery<CameraEntity> query(Filter f) {
        Parameters p = new Parameters();
        StringBuilder where = new StringBuilder(RegionPrefixes.anyOf("villageCode", f.regions(), p));
        if (f.within() != null && !f.within().isEmpty()) {
            where.append(" and villageCode like :within");
            p.and("within", f.within() + "%");
        }
        if (f.village() != null && !f.village().isEmpty()) {
            where.append(" and villageCode = :village");
            p.and("village", f.village());
        }
        if (f.zoneId() != null) {
            where.append(" and zoneId = :zone");
            p.and("zone", f.zoneId());
        }
        if (f.lifecycle() != null) {
            where.append(" and lifecycle = :lifecycle");
            p.and("lifecycle", f.lifecycle());
        }
        if (f.online() != null) {
            where.append(" and online = :online");
            p.and("online", f.online());
        }
        if (f.vendor() != null && !f.vendor().isEmpty()) {
            where.append(" and vendor = :vendor");
            p.and("vendor", f.vendor());
        }
        return find(where.toString(), Sort.by("villageCode").and("serial"), p);
    }
}
