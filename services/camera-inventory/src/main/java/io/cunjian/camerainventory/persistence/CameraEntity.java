package io.cunjian.camerainventory.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraStatus;
import io.cunjian.camerainventory.domain.GeoPoint;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A camera row; live status columns are written by {@link SqlLiveStatusStore}'s set-based SQL only. */
@Entity
@Table(name = "camera")
public class CameraEntity extends PanacheEntityBase {

    @Id
    public String serial;
    public String model;
    public String vendor;
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "zone_id")
    public long zoneId;
    public double latitude;
    public double longitude;
    @Column(name = "installed_on")
    public LocalDate installedOn;
    public String installer;
    @Enumerated(EnumType.STRING)
    public Lifecycle lifecycle;
    /** Live status: written by heartbeats and the offline sweep only (set-based SQL in LiveStatusStore). */
    @Column(name = "last_seen", insertable = false, updatable = false)
    public OffsetDateTime lastSeen;
    @Column(insertable = false, updatable = false)
    public boolean online;
    @Version
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    Camera toDomain() {
        return new Camera(serial, villageCode, new Camera.Details(model, vendor, zoneId, new GeoPoint(latitude, longitude),
                installedOn, installer), lifecycle, version);
    }

    CameraStatus toStatus() {
        return new CameraStatus(toDomain(), online, lastSeen);
    }

    /** Takes what the aggregate may change; the version moves on at the flush (JPA {@code @Version}). */
    void apply(Camera c) {
        lifecycle = c.lifecycle();
        apply(c.details());
    }

    void apply(Camera.Details d) {
        model = d.model();
        vendor = d.vendor();
        zoneId = d.zoneId();
        latitude = d.position().latitude();
        longitude = d.position().longitude();
        installedOn = d.installedOn();
        installer = d.installer();
    }
}
