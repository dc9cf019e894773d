package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<InspectionEntity, UUID> {

    /** Newest first: by inspection date, then by when it was recorded. */
    static final Sort LATEST_FIRST = Sort.by("inspectedOn", Sort.Direction.Descending)
            .and("recordedAt", Sort.Direction.Descending);

    public List<InspectionEntity> history(String villageCode, String itemCode, int page, int size) {
        return query(villageCode, itemCode).page(Page.of(page, size)).list();
    }

    public long countHistory(String villageCode, String itemCode) {
        return query(villageCode, itemCode).count();
    }

    /** The latest inspection of each item of the village (the one that counts). */
    public List<InspectionEntity> latestPerItem(String villageCode) {
        return getEntityManager().createNativeQuery("""
                SELECT DISTINCT ON (item_code) * FROM inspection WHERE village_code = :village
                ORDER BY item_code, inspected_on DESC, recorded_at DESC""", InspectionEntity.class)
                .setParameter("village", villageCode).getResultList();
    }

    private PanacheQuery<InspectionEntity> query(String villageCode, String itemCode) {
        if (itemCode == null || itemCode.isEmpty()) {
            return find("villageCode", LATEST_FIRST, villageCode);
        }
        return find("villageCode = :village and itemCode = :item", LATEST_FIRST,
                Parameters.with("village", villageCode).and("item", itemCode));
    }
}
