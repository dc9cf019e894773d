package io.cunjian.workorders.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.workorders.domain.Contractor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "contractor")
public class ContractorEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    public boolean active;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public Contractor toDomain() {
        return new Contractor(id, new Contractor.Details(name,
                contactName == null && contactPhone == null ? null : new Contractor.Contact(contactName, contactPhone), active),
                version);
    }

    public void apply(Contractor.Details d) {
        name = d.name();
        contactName = d.contact() == null ? null : d.contact().name();
        contactPhone = d.contact() == null ? null : d.contact().phone();
        active = d.active();
    }
}
