package io.cunjian.workorders.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.workorders.domain.Contractors;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContractorRepository implements PanacheRepositoryBase<ContractorEntity, String> {

    public List<ContractorEntity> search(Contractors.Criteria filter, int page, int size) {
        return query(filter).page(Page.of(page, size)).list();
    }

    public long countSearch(Contractors.Criteria filter) {
        return query(filter).count();
    }

    private PanacheQuery<ContractorEntity> query(Contractors.Criteria f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (f.name() != null && !f.name().isEmpty()) {
            where.append(" and name like :name escape '\\'");
            p.and("name", "%" + f.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.active() != null) {
            where.append(" and active = :active");
            p.and("active", f.active());
        }
        return find(where.toString(), Sort.by("name").and("id"), p);
    }
}
