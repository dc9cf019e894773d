package io.cunjian.villageprojects.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.villageprojects.domain.Village;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "village")
public class VillageEntity extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "township_code")
    public String townshipCode;
    public String name;
    public Integer households;
    public Integer population;
    public boolean demonstration;
    @Column(name = "creation_year")
    public Integer creationYear;
    @Column(name = "creation_batch")
    public String creationBatch;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public Village toDomain() {
        return new Village(new RegionCode(code), new RegionCode(townshipCode), new Village.Details(name, households,
                population, demonstration, creationYear, creationBatch,
                contactName == null && contactPhone == null ? null : new Village.Contact(contactName, contactPhone)),
                version);
    }

    public void apply(Village.Details d) {
        name = d.name();
        households = d.households();
        population = d.population();
        demonstration = d.demonstration();
        creationYear = d.creationYear();
        creationBatch = d.creationBatch();
        contactName = d.contact() == null ? null : d.contact().name();
        contactPhone = d.contact() == null ? null : d.contact().phone();
    }
}
