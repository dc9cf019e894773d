package io.cunjian.workorders.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.workorders.domain.Priority;
import io.cunjian.workorders.domain.WorkOrder;
import io.cunjian.workorders.domain.WorkOrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "work_order")
public class WorkOrderEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "village_code", updatable = false)
    public String villageCode;
    @Column(name = "category_code", updatable = false)
    public String categoryCode;
    @Column(updatable = false)
    public String unit;
    public String title;
    public String description;
    @Column(name = "location_text")
    public String locationText;
    public BigDecimal latitude;
    public BigDecimal longitude;
    @Column(name = "planned_quantity")
    public BigDecimal plannedQuantity;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public WorkOrderStatus status;
    @Column(name = "contractor_id")
    public String contractorId;
    @Column(name = "actual_quantity")
    public BigDecimal actualQuantity;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    @Column(name = "completion_notes")
    public String completionNotes;
    @Column(name = "verified_quantity")
    public BigDecimal verifiedQuantity;
    @Column(name = "verified_by")
    public String verifiedBy;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public WorkOrder toDomain(List<UUID> photoIds) {
        WorkOrder.Location location = locationText == null && latitude == null && longitude == null ? null
                : new WorkOrder.Location(locationText, latitude, longitude);
        WorkOrder.Completion completion = actualQuantity == null ? null
                : new WorkOrder.Completion(actualQuantity, completedAt, completionNotes, photoIds);
        WorkOrder.Verification verification = verifiedQuantity == null ? null
                : new WorkOrder.Verification(verifiedQuantity, verifiedBy, verifiedAt);
        return new WorkOrder(id, villageCode, categoryCode, unit,
                new WorkOrder.Details(title, description, location, plannedQuantity, dueDate, priority), status,
                contractorId, completion, verification, version);
    }

    /** Copies the order's state (everything but id, village, category and unit, which never change). */
    public void apply(WorkOrder o) {
        WorkOrder.Details d = o.details();
        title = d.title();
        description = d.description();
        locationText = d.location() == null ? null : d.location().text();
        latitude = d.location() == null ? null : d.location().latitude();
        longitude = d.location() == null ? null : d.location().longitude();
        plannedQuantity = d.plannedQuantity();
        dueDate = d.dueDate();
        priority = d.priority();
        status = o.status();
        contractorId = o.contractorId();
        actualQuantity = o.completion() == null ? null : o.completion().actualQuantity();
        completedAt = o.completion() == null ? null : o.completion().completedAt();
        completionNotes = o.completion() == null ? null : o.completion().notes();
        verifiedQuantity = o.verification() == null ? null : o.verification().quantity();
        verifiedBy = o.verification() == null ? null : o.verification().by();
        verifiedAt = o.verification() == null ? null : o.verification().at();
    }
}
