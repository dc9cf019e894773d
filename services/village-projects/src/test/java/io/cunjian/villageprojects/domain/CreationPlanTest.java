package io.cunjian.villageprojects.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cunjian.villageprojects.events.PlanEvents;

/** Plans and inspections against a standard, without a database. */
class CreationPlanTest {

    static final String VILLAGE = "220382105201";
    static final StandardVersion DEFAULT = ((StandardVersion.Accepted) ((StandardVersion.Accepted) StandardVersion
            .draft(DefaultStandard.ID, "22", null, DefaultStandard.CONTENT, false)).standard().publish("system")).standard();
    static final Map<String, WorkCategory> CATEGORIES = Map.of(
            "street-lamp-repair", new WorkCategory("street-lamp-repair", "路灯维修", "Street lamp repair",
                    WorkCategory.Unit.LAMP, WorkCategory.Group.LIGHTING, 0),
            "flower", new WorkCategory("flower", "花卉", "Flowers", WorkCategory.Unit.PLANT, WorkCategory.Group.GREENING, 0));

    static CreationPlan.Content plan(CreationPlan.WorkTarget... targets) {
        return new CreationPlan.Content(DEFAULT.id(), LocalDate.of(2026, 12, 31), List.of(targets), List.of());
    }

    static CreationPlan.WorkTarget target(String item, String category, String quantity) {
        return new CreationPlan.WorkTarget(item, category, new BigDecimal(quantity));
    }

    @Test
    void theFirstPlanIsSetThenChangesAreRevisionsAndCoverageDefaultsToFull() {
        var first = CreationPlan.set(VILLAGE, plan(target("street-lighting", "street-lamp-repair", "80")), Optional.empty(),
                Optional.of(DEFAULT), CATEGORIES, "staff", null);
        assertThat(first).isInstanceOf(CreationPlan.Accepted.class);
        CreationPlan.Accepted set = (CreationPlan.Accepted) first;
        assertThat(set.eventType()).isEqualTo(PlanEvents.SET);
        assertThat(set.plan().revision()).isEqualTo(1);
        assertThat(set.event().workTargets()).containsExactly(
                new PlanEvents.WorkTarget("street-lighting", "street-lamp-repair", "LAMP", new BigDecimal("80")));
        assertThat(set.event().coverageTargets()).containsExactly(
                new PlanEvents.CoverageTarget("camera-coverage", new BigDecimal("100"), null));

        // 80.00 is the same quantity: nothing changes
        var same = CreationPlan.set(VILLAGE, plan(target("street-lighting", "street-lamp-repair", "80.00")),
                Optional.of(set.plan()), Optional.of(DEFAULT), CATEGORIES, "staff", null);
        assertThat(same).isInstanceOf(CreationPlan.Unchanged.class);

        var changed = CreationPlan.set(VILLAGE, plan(target("street-lighting", "street-lamp-repair", "90")),
                Optional.of(set.plan()), Optional.of(DEFAULT), CATEGORIES, "staff", "more lamps");
        assertThat(((CreationPlan.Accepted) changed).eventType()).isEqualTo(PlanEvents.CHANGED);
        assertThat(((CreationPlan.Accepted) changed).plan().revision()).isEqualTo(2);
    }

    @Test
    void aTargetMustBeForACategoryTheItemCounts() {
        var outcome = CreationPlan.set(VILLAGE, plan(target("street-lighting", "flower", "10"),
                target("greening", "flower", "0"), target("village-plan", "flower", "1"), target("nope", "street-lamp-repair", "1")),
                Optional.empty(), Optional.of(DEFAULT), CATEGORIES, "staff", null);
        assertThat(outcome).isEqualTo(new CreationPlan.Rejected(List.of(
                new Violation("workTargets[0].categoryCode", "problem.plan.category.not-counted"),
                new Violation("workTargets[1].quantity", "problem.plan.quantity.not-positive"),
                new Violation("workTargets[2].itemCode", "problem.plan.item.not-work-quantity"),
                new Violation("workTargets[3].itemCode", "problem.plan.item.unknown"))));
    }

    @Test
    void aStandardMustBePublishedAndCoverTheVillage() {
        StandardVersion draft = ((StandardVersion.Accepted) StandardVersion.draft("next", "22", null,
                DefaultStandard.CONTENT, false)).standard();
        assertThat(PlanTargetsPolicy.violations(VILLAGE, new CreationPlan.Content("next", null, List.of(), List.of()),
                Optional.of(draft), CATEGORIES))
                .containsExactly(new Violation("standardId", "problem.plan.standard.not-published"));
        assertThat(PlanTargetsPolicy.violations("460101001001", plan(), Optional.of(DEFAULT), CATEGORIES))
                .containsExactly(new Violation("standardId", "problem.plan.standard.out-of-scope"));
        assertThat(PlanTargetsPolicy.violations(VILLAGE, plan(), Optional.empty(), CATEGORIES))
                .containsExactly(new Violation("standardId", "problem.plan.standard.unknown"));
    }

    @Test
    void inspectionsAreOfInspectionItemsAndNotInTheFuture() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        var report = new Inspection.Report("no-ruined-walls", Inspection.Verdict.PASS, today, null, " ", null);
        var ok = Inspection.record(UUID.randomUUID(), VILLAGE, report, Optional.of(DEFAULT), today, "inspector-1");
        assertThat(ok).isInstanceOf(Inspection.Accepted.class);
        Inspection recorded = ((Inspection.Accepted) ok).inspection();
        assertThat(recorded.inspector()).as("the signed-in user when no name is given").isEqualTo("inspector-1");
        assertThat(recorded.notes()).isNull();
        assertThat(recorded.standardId()).isEqualTo(DEFAULT.id());

        var wrongItem = Inspection.record(UUID.randomUUID(), VILLAGE,
                new Inspection.Report("street-lighting", Inspection.Verdict.PASS, today.plusDays(1), "张三", null, null),
                Optional.of(DEFAULT), today, "inspector-1");
        assertThat(wrongItem).isEqualTo(new Inspection.Rejected(false, List.of(
                new Violation("itemCode", "problem.inspection.item.not-inspection"),
                new Violation("inspectedOn", "problem.inspection.date.future"))));

        var noPlan = Inspection.record(UUID.randomUUID(), VILLAGE, report, Optional.empty(), today, "inspector-1");
        assertThat(noPlan).isInstanceOf(Inspection.Rejected.class);
        assertThat(((Inspection.Rejected) noPlan).noPlan()).isTrue();
    }
}
