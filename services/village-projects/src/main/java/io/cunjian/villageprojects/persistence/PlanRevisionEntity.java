package io.cunjian.villageprojects.persistence;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.cunjian.chassis.json.JsonText;
import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanRevision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One revision of a village's plan, as it was: who changed it, when and why. Never updated. */
@Entity
@Table(name = "plan_revision")
public class PlanRevisionEntity extends PanacheEntityBase {

    @Embeddable
    public record Id(@Column(name = "village_code") String villageCode, int revision) implements Serializable {
    }

    @EmbeddedId
    public Id id;
    @Column(name = "standard_id")
    public String standardId;
    public LocalDate deadline;
    @Column(name = "work_targets")
    public String workTargets;
    @Column(name = "coverage_targets")
    public String coverageTargets;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    public String note;

    public PlanRevision toRevision() {
        return new PlanRevision(new CreationPlan(id.villageCode(), new CreationPlan.Content(standardId, deadline,
                JsonText.read(workTargets, CreationPlanEntity.WORK),
                JsonText.read(coverageTargets, CreationPlanEntity.COVERAGE)), id.revision()), changedBy, changedAt, note);
    }
}
