package io.cunjian.villageprojects.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.villageprojects.domain.Inspection;
import io.cunjian.villageprojects.domain.InspectionOnFile;
import io.cunjian.villageprojects.domain.Inspections;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InspectionRepository implements Inspections, PanacheRepositoryBase<InspectionEntity, UUID> {

    /** Newest first: by inspection date, then by when it was recorded. */
    static final Sort LATEST_FIRST = Sort.by("inspectedOn", Sort.Direction.Descending)
            .and("recordedAt", Sort.Direction.Descending);

    @Override
    public void add(Inspection inspection) {
        persist(InspectionEntity.of(inspection));
    }

    @Override
    public Optional<InspectionOnFile> find(UUID id) {
        return findByIdOptional(id).map(InspectionEntity::onFile);
    }

    @Override
    public List<InspectionOnFile> history(String villageCode, String itemCode, int page, int size) {
        return query(villageCode, itemCode).page(Page.of(page, size)).list().stream().map(InspectionEntity::onFile)
                .toList();
    }

    @Override
    public long countHistory(String villageCode, String itemCode) {
        return query(villageCode, itemCode).count();
    }

    @Override
    public List<InspectionOnFile> latestPerItem(String villageCode) {
        List<InspectionEntity> latest = getEntityManager().createNativeQuery("""
                SELECT DISTINCT ON (item_code) * FROM inspection WHERE village_code = :village
                ORDER BY item_code, inspected_on DESC, recorded_at DESC""", InspectionEntity.class)
                .setParameter("village", villageCode).getResultList();
        return latest.stream().map(InspectionEntity::onFile).toList();
    }

    private PanacheQuery<InspectionEntity> query(String villageCode, String itemCode) {
        if (itemCode == null || itemCode.isEmpty()) {
            return find("villageCode", LATEST_FIRST, villageCode);
        }
        return find("villageCode = :village and itemCode = :item", LATEST_FIRST,
                Parameters.with("village", villageCode).and("item", itemCode));
    }
}
