package io.cunjian.villageprojects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.StateConflict;

import io.cunjian.villageprojects.events.StandardEvents;

/** The standard's rules without a database: drafts edit, publication freezes, items make sense. */
class StandardVersionTest {

    static StandardVersion.Item item(String code, StandardVersion.Measure measure, WorkCategory.Group... groups) {
        return new StandardVersion.Item(code, StandardVersion.Kind.HAVE, "条目", "item", measure, List.of(groups));
    }

    static StandardVersion draft(StandardVersion.Item... items) {
        var outcome = StandardVersion.draft("s-1", "46", null,
                new StandardVersion.Content("标准", "standard", false, List.of(items)), false);
        return ((StandardVersion.Accepted) outcome).standard();
    }

    @Test
    void theDefaultIsNineHavesAndSixNonesLabelledIllustrative() {
        List<StandardVersion.Item> items = DefaultStandard.CONTENT.items();
        assertThat(items).filteredOn(i -> i.kind() == StandardVersion.Kind.HAVE).hasSize(9);
        assertThat(items).filteredOn(i -> i.kind() == StandardVersion.Kind.NONE).hasSize(6)
                .allMatch(i -> i.measure() == StandardVersion.Measure.INSPECTION);
        assertThat(DefaultStandard.CONTENT.illustrative()).isTrue();
        assertThat(DefaultStandard.CONTENT.nameZh()).contains("示意");
        assertThat(StandardItemsPolicy.violations(items, true)).isEmpty();
        // every group of the catalogue is counted by exactly one item
        for (WorkCategory.Group g : WorkCategory.Group.values()) {
            assertThat(items).filteredOn(i -> i.counts(g)).hasSize(1);
        }
    }

    @Test
    void aDraftIsEditedWithoutEventsAndPublishingFreezesIt() {
        StandardVersion draft = draft(item("plan", StandardVersion.Measure.INSPECTION));
        var edited = draft.edit(new StandardVersion.Content("标准二", "standard 2", true,
                List.of(item("plan", StandardVersion.Measure.INSPECTION))));
        assertThat(edited).isInstanceOf(StandardVersion.Accepted.class);
        assertThat(((StandardVersion.Accepted) edited).event()).isNull();
        StandardVersion v1 = ((StandardVersion.Accepted) edited).standard();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.edit(v1.content())).isInstanceOf(StandardVersion.Unchanged.class);

        var published = v1.publish("admin");
        assertThat(published).isInstanceOf(StandardVersion.Accepted.class);
        StandardVersion frozen = ((StandardVersion.Accepted) published).standard();
        assertThat(frozen.status()).isEqualTo(StandardVersion.Status.PUBLISHED);
        assertThat(((StandardVersion.Accepted) published).event().items()).extracting(StandardEvents.Item::code)
                .containsExactly("plan");

        for (ThrowingCallable change : List.<ThrowingCallable>of(() -> frozen.edit(v1.content()), () -> frozen.publish("admin"))) {
            assertThatThrownBy(change).isInstanceOfSatisfying(StateConflict.class, r -> {
                assertThat(r.currentState()).isEqualTo("PUBLISHED");
                assertThat(r.reason()).isEqualTo("problem.standard.frozen");
                assertThat(r.args()).containsExactly("s-1");
                assertThat(r.fields()).containsExactly(new StateConflict.FieldProblem("status", "problem.standard.frozen.field"));
            });
        }
    }

    @Test
    void anEmptyDraftCannotBePublished() {
        var outcome = draft().publish("admin");
        assertThat(outcome).isEqualTo(new StandardVersion.Rejected(new StandardVersion.InvalidItems(
                List.of(new Violation("items", "problem.standard.items.empty")))));
    }

    @Test
    void itemsAreCheckedFieldByField() {
        List<Violation> violations = StandardItemsPolicy.violations(List.of(
                item("roads", StandardVersion.Measure.WORK_QUANTITY, WorkCategory.Group.ROAD),
                item("roads", StandardVersion.Measure.INSPECTION),
                item("more-roads", StandardVersion.Measure.WORK_QUANTITY, WorkCategory.Group.ROAD),
                item("lights", StandardVersion.Measure.WORK_QUANTITY),
                item("cameras", StandardVersion.Measure.CAMERA_COVERAGE, WorkCategory.Group.AMENITY),
                item("Bad Code", StandardVersion.Measure.INSPECTION)), false);
        assertThat(violations).containsExactly(
                new Violation("items[1].code", "problem.standard.item.code.duplicate"),
                new Violation("items[2].countsGroups", "problem.standard.item.groups.counted-twice"),
                new Violation("items[3].countsGroups", "problem.standard.item.groups.missing"),
                new Violation("items[4].countsGroups", "problem.standard.item.groups.not-work"),
                new Violation("items[5].code", "problem.standard.item.code.invalid"));
    }
}
