package io.cunjian.camerainventory.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MaintenanceRepository implements PanacheRepositoryBase<MaintenanceEntryEntity, Long> {

    public List<MaintenanceEntryEntity> ofCamera(String serial, int page, int size) {
        return find("cameraSerial", Sort.by("doneOn").descending().and("id").descending(), serial)
                .page(Page.of(page, size)).list();
    }

    public long countOfCamera(String serial) {
        return count("cameraSerial", serial);
    }
}
