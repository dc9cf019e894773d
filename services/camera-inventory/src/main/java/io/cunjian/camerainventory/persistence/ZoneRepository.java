package io.cunjian.camerainventory.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneCoverage;
import io.cunjian.camerainventory.domain.ZoneFilter;
import io.cunjian.camerainventory.domain.Zones;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<ZoneEntity, Long>, Zones {

    @Override
    public Optional<ZoneCoverage> withId(long id) {
        return findByIdOptional(id).map(ZoneEntity::toCoverage);
    }

    @Override
    public Optional<Zone> lockForChange(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(ZoneEntity::toDomain);
    }

    @Override
    public boolean nameTaken(String villageCode, String name, Long except) {
        return count("villageCode = ?1 and name = ?2 and id <> ?3", villageCode, name, except == null ? -1L : except) > 0;
    }

    @Override
    public ZoneCoverage add(Zone zone) {
        ZoneEntity e = new ZoneEntity();
        e.villageCode = zone.villageCode();
        e.apply(zone.details());
        persist(e);
        flush();
        return e.toCoverage();
    }

    @Override
    public ZoneCoverage save(Zone zone) {
        ZoneEntity e = findById(zone.id());
        e.apply(zone.details());
        flush();
        return e.toCoverage();
    }

    @Override
    public List<ZoneCoverage> matching(ZoneFilter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).stream().map(ZoneEntity::toCoverage).toList();
    }

    @Override
    public long countMatching(ZoneFilter filter) {
        return query(filter).count();
    }

    @Override
    public List<ZoneCoverage> inVillage(String villageCode) {
        return list("villageCode", Sort.by("name"), villageCode).stream().map(ZoneEntity::toCoverage).toList();
    }

    private PanacheQuery<ZoneEntity> query(ZoneFilter f) {
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
