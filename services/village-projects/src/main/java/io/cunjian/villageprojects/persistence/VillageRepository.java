package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.persistence.RegionPrefixes;
import io.cunjian.villageprojects.domain.Village;
import io.cunjian.villageprojects.domain.Villages;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The village table; the row lock of {@link #findForChange} serialises changes to a village and its plan. */
@ApplicationScoped
public class VillageRepository implements Villages, PanacheRepositoryBase<VillageEntity, String> {

    @Override
    public Optional<Village> find(RegionCode code) {
        return findByIdOptional(code.value()).map(VillageEntity::toDomain);
    }

    @Override
    public boolean exists(RegionCode code) {
        return findByIdOptional(code.value()).isPresent();
    }

    @Override
    public Optional<Village> findForChange(RegionCode code) {
        return findByIdOptional(code.value(), LockModeType.PESSIMISTIC_WRITE).map(VillageEntity::toDomain);
    }

    @Override
    public void add(Village village) {
        VillageEntity e = new VillageEntity();
        e.code = village.code().value();
        e.townshipCode = village.townshipCode().value();
        e.apply(village.details());
        persist(e);
    }

    @Override
    public void update(Village village) {
        findById(village.code().value()).apply(village.details());
        flush(); // bumps @Version to the one the village (and its event) names
    }

    @Override
    public List<Village> search(Filter filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list().stream().map(VillageEntity::toDomain).toList();
    }

    @Override
    public long countSearch(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<VillageEntity> query(Filter f) {
        Parameters p = Parameters.with("within", Like.escape(f.within() == null ? "" : f.within()) + "%");
        StringBuilder where = new StringBuilder("code like :within escape '\\' and " + RegionPrefixes.anyOf("code", f.regions(), p));
        if (f.name() != null && !f.name().isEmpty()) {
            where.append(" and name like :name escape '\\'");
            p.and("name", "%" + Like.escape(f.name()) + "%");
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
}
