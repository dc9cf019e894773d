package io.cunjian.villageprojects.persistence;

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

import com.fasterxml.jackson.core.type.TypeReference;

import io.cunjian.chassis.json.JsonText;

import io.cunjian.villageprojects.domain.Inspection;
import io.cunjian.villageprojects.domain.InspectionOnFile;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "inspection")
public class InspectionEntity extends PanacheEntityBase {

    private static final TypeReference<List<String>> LINKS = new TypeReference<>() {
    };

    @Id
    public UUID id;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "standard_id")
    public String standardId;
    @Column(name = "item_code")
    public String itemCode;
    @Enumerated(EnumType.STRING)
    public Inspection.Verdict verdict;
    @Column(name = "inspected_on")
    public LocalDate inspectedOn;
    public String inspector;
    public String notes;
    public String photos;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    public static InspectionEntity of(Inspection i) {
        InspectionEntity e = new InspectionEntity();
        e.id = i.id();
        e.villageCode = i.villageCode();
        e.standardId = i.standardId();
        e.itemCode = i.itemCode();
        e.verdict = i.verdict();
        e.inspectedOn = i.inspectedOn();
        e.inspector = i.inspector();
        e.notes = i.notes();
        e.photos = JsonText.write(i.photos());
        e.recordedBy = i.recordedBy();
        return e;
    }

    public InspectionOnFile onFile() {
        return new InspectionOnFile(new Inspection(id, villageCode, standardId, itemCode, verdict, inspectedOn, inspector,
                notes, JsonText.read(photos, LINKS), recordedBy), recordedAt);
    }
}
