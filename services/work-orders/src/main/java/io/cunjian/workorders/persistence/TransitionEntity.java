package io.cunjian.workorders.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.cunjian.workorders.domain.WorkOrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One row of an order's history: who changed it when, from which state to which, and why. */
@Entity
@Table(name = "work_order_transition")
public class TransitionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id")
    public UUID orderId;
    public OffsetDateTime at;
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public WorkOrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public WorkOrderStatus toStatus;
    @Column(name = "event_type")
    public String eventType;
    public String note;
    @Column(name = "previous_quantity")
    public BigDecimal previousQuantity;
    @Column(name = "new_quantity")
    public BigDecimal newQuantity;
}
