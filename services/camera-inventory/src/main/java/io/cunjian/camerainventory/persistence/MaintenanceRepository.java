package io.cunjian.camerainventory.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.MaintenanceLog;
import io.cunjian.camerainventory.domain.MaintenanceRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MaintenanceRepository implements PanacheRepositoryBase<MaintenanceEntryEntity, Long>, MaintenanceLog {

    @Override
    public MaintenanceRecord add(String serial, CameraService.MaintenanceEntry entry, String recordedBy) {
        MaintenanceEntryEntity m = new MaintenanceEntryEntity();
        m.cameraSerial = serial;
        m.doneOn = entry.doneOn();
        m.kind = entry.kind();
        m.notes = entry.notes();
        m.technician = entry.technician();
        m.recordedBy = recordedBy;
        persist(m);
        flush();
        return m.toRecord();
    }

    @Override
    public List<MaintenanceRecord> ofCamera(String serial, int page, int size) {
        return find("cameraSerial", Sort.by("doneOn").descending().and("id").descending(), serial)
                .page(Page.of(page, size)).stream().map(MaintenanceEntryEntity::toRecord).toList();
    }

    @Override
    public long countOfCamera(String serial) {
        return count("cameraSerial", serial);
    }
}
