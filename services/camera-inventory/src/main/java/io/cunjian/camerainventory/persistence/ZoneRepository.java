package io.cunjian.camerainventory.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.camerainventory.domain.ZoneKind;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<ZoneEntity, Long> {

    /** Filters of a zone list; {@code regions}: the caller's region prefixes (any of them), never empty. */
    public record Filter(List<String> regions, String within, String village, ZoneKind kind, Boolean covered) {
    }

    public List<ZoneEntity> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long countSearch(Filter filter) {
        return query(filter).count();
    }

    public List<ZoneEntity> ofVillage(String villageCode) {
        return list("villageCode", Sort.by("name"), villageCode);
    }

    public boolean nameTaken(String villageCode, String name, Long except) {
        return count("villageCode = ?1 and name = ?2 and id <> ?3", villageCode, name, except == null ? -1L : except) > 0;
    }

    private PanacheQuery<ZoneEntity> query(Filter f) {
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
        if (f.kind() != null) {
            where.append(" and kind = :kind");
            p.and("kind", f.kind());
        }
        if (f.covered() != null) {
            where.append(" and covered = :covered");
            p.and("covered", f.covered());
        }
        return find(where.toString(), Sort.by("villageCode").and("name"), p);
    }
}
