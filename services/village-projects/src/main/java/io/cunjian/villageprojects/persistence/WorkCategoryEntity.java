package io.cunjian.villageprojects.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.villageprojects.domain.WorkCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "work_category")
public class WorkCategoryEntity extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public WorkCategory.Unit unit;
    @Enumerated(EnumType.STRING)
    @Column(name = "work_group", updatable = false)
    public WorkCategory.Group workGroup;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public WorkCategory toDomain() {
        return new WorkCategory(code, nameZh, nameEn, unit, workGroup, version);
    }
}
