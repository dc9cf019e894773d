package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.cunjian.villageprojects.domain.Region;
import io.cunjian.villageprojects.domain.RegionLevel;
import io.cunjian.villageprojects.domain.Regions;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The region table; the row lock of {@link #findForChange} is what orders concurrent renames. */
@ApplicationScoped
public class RegionRepository implements Regions, PanacheRepositoryBase<RegionEntity, String> {

    @Override
    public Optional<Region> find(RegionCode code) {
        return findByIdOptional(code.value()).map(RegionEntity::toDomain);
    }

    @Override
    public Optional<Region> findForChange(RegionCode code) {
        return findByIdOptional(code.value(), LockModeType.PESSIMISTIC_WRITE).map(RegionEntity::toDomain);
    }

    @Override
    public void add(Region region) {
        RegionEntity e = new RegionEntity();
        e.code = region.code().value();
        e.name = region.name();
        e.level = RegionLevel.of(region.code()).name();
        e.parentCode = RegionLevel.parentOf(region.code()).map(RegionCode::value).orElse(null);
        persist(e);
    }

    @Override
    public void update(Region region) {
        RegionEntity e = findById(region.code().value());
        e.name = region.name();
        flush(); // bumps @Version to the one the region (and its event) names
    }

    @Override
    public List<Region> children(RegionCode parent) {
        return list("parentCode", Sort.by("code"), parent.value()).stream().map(RegionEntity::toDomain).toList();
    }

    @Override
    public List<Region> search(String name, String within, List<String> readable, int page, int size) {
        return query(name, within, readable).page(Page.of(page, size)).list().stream().map(RegionEntity::toDomain)
                .toList();
    }

    @Override
    public long countSearch(String name, String within, List<String> readable) {
        return query(name, within, readable).count();
    }

    private PanacheQuery<RegionEntity> query(String name, String within, List<String> regions) {
        Parameters p = Parameters.with("name", "%" + Like.escape(name) + "%").and("within", Like.escape(within) + "%");
        return find("name like :name escape '\\' and code like :within escape '\\' and "
                + RegionPrefixes.anyOf("code", regions, p), Sort.by("code"), p);
    }
}
