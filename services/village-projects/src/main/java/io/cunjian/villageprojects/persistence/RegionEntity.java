package io.cunjian.villageprojects.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.villageprojects.domain.Region;
import io.cunjian.chassis.domain.RegionCode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "region")
public class RegionEntity extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public Region toDomain() {
        return new Region(new RegionCode(code), name, version);
    }
}
