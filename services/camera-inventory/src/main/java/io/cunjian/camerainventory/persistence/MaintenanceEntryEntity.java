package io.cunjian.camerainventory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.cunjian.camerainventory.domain.MaintenanceKind;
import io.cunjian.camerainventory.domain.MaintenanceRecord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "maintenance_entry")
public class MaintenanceEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "camera_serial")
    public String cameraSerial;
    @Column(name = "done_on")
    public LocalDate doneOn;
    @Enumerated(EnumType.STRING)
    public MaintenanceKind kind;
    public String notes;
    public String technician;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    MaintenanceRecord toRecord() {
        return new MaintenanceRecord(id, cameraSerial, doneOn, kind, notes, technician, recordedBy, recordedAt);
    }
}
