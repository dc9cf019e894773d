package io.cunjian.villageprojects.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;

import io.cunjian.chassis.json.JsonText;

import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanRevision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A village's current plan. Concurrency is by row lock and the revision (If-Match), not @Version. */
@Entity
@Table(name = "creation_plan")
public class CreationPlanEntity extends PanacheEntityBase {

    static final TypeReference<List<CreationPlan.WorkTarget>> WORK = new TypeReference<>() {
    };
    static final TypeReference<List<CreationPlan.CoverageTarget>> COVERAGE = new TypeReference<>() {
    };

    @Id
    @Column(name = "village_code")
    public String villageCode;
    @Column(name = "standard_id")
    public String standardId;
    public LocalDate deadline;
    @Column(name = "work_targets")
    public String workTargets;
    @Column(name = "coverage_targets")
    public String coverageTargets;
    public int revision;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    public String note;

    public PlanRevision toRevision() {
        return new PlanRevision(new CreationPlan(villageCode, new CreationPlan.Content(standardId, deadline,
                JsonText.read(workTargets, WORK), JsonText.read(coverageTargets, COVERAGE)), revision), changedBy,
                changedAt, note);
    }

    public void apply(PlanRevision r) {
        CreationPlan plan = r.plan();
        villageCode = plan.villageCode();
        standardId = plan.content().standardId();
        deadline = plan.content().deadline();
        workTargets = JsonText.write(plan.content().workTargets());
        coverageTargets = JsonText.write(plan.content().coverageTargets());
        revision = plan.revision();
        changedBy = r.changedBy();
        changedAt = r.changedAt();
        note = r.note();
    }

    public PlanRevisionEntity revisionRow() {
        PlanRevisionEntity r = new PlanRevisionEntity();
        r.id = new PlanRevisionEntity.Id(villageCode, revision);
        r.standardId = standardId;
        r.deadline = deadline;
        r.workTargets = workTargets;
        r.coverageTargets = coverageTargets;
        r.changedBy = changedBy;
        r.changedAt = changedAt;
        r.note = note;
        return r;
    }
}
