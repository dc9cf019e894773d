package io.cunjian.camerainventory.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.camerainventory.domain.GeoPoint;
import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneCoverage;
import io.cunjian.camerainventory.domain.ZoneKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A zone row; {@code covered} is written by the coverage recomputation ({@link SqlLiveStatusStore}) only. */
@Entity
@Table(name = "zone")
public class ZoneEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "village_code")
    public String villageCode;
    public String name;
    @Enumerated(EnumType.STRING)
    public ZoneKind kind;
    @Column(name = "centre_lat")
    public Double centreLat;
    @Column(name = "centre_lng")
    public Double centreLng;
    /** Written by the coverage recomputation only (LiveStatusStore). */
    @Column(insertable = false, updatable = false)
    public boolean covered;
    @Column(name = "covered_changed_at", insertable = false, updatable = false)
    public OffsetDateTime coveredChangedAt;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    Zone toDomain() {
        return new Zone(id, villageCode, new Zone.Details(name, kind, centreLat == null ? null : new GeoPoint(centreLat, centreLng)),
                version);
    }

    ZoneCoverage toCoverage() {
        return new ZoneCoverage(toDomain(), covered, coveredChangedAt);
    }

    void apply(Zone.Details d) {
        name = d.name();
        kind = d.kind();
        centreLat = d.centre() == null ? null : d.centre().latitude();
        centreLng = d.centre() == null ? null : d.centre().longitude();
    }
}
