package io.cunjian.workorders.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "work_order_photo")
public class PhotoEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public String sha256;
    @Column(name = "file_name")
    public String fileName;
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    @Column(name = "taken_at")
    public OffsetDateTime takenAt;
    public BigDecimal latitude;
    public BigDecimal longitude;
    /** Comma-separated flags, e.g. {@code TAKEN_BEFORE_START,FAR_FROM_SITE}; empty when none. */
    public String flags;
}
