package io.cunjian.workorders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.workorders.events.WorkOrderEvents;

/** The lifecycle without Quarkus: every command in every state. */
class WorkOrderTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T10:00:00+08:00");
    static final WorkOrder.Completion COMPLETION = new WorkOrder.Completion(new BigDecimal("64"), NOW, "done",
            List.of(UUID.randomUUID()));

    static WorkOrder draft() {
        var created = WorkOrder.create(UUID.randomUUID(), "220382201201", "street-lamp-repair", "LAMP", "盏", null,
                new WorkOrder.Details("路灯维修", null, null, new BigDecimal("80"), LocalDate.of(2026, 6, 30), null));
        return created.order();
    }

    static WorkOrder ok(WorkOrder.Changed changed) {
        assertThat(changed).isNotNull();
        return changed.order();
    }

    /** The rejection {@code command} throws, as the field problem a client sees. */
    static void refusesField(ThrowingCallable command, String field, String message) {
        assertThatThrownBy(command).isInstanceOfSatisfying(InvalidInput.class,
                r -> assertThat(r.fields()).containsExactly(new InvalidInput.FieldProblem(field, message)));
    }

    /** Each command, applied to an order in a given state. */
    static final Map<String, Function<WorkOrder, WorkOrder.Changed>> COMMANDS = Map.of(
            "issue", WorkOrder::issue,
            "assign", o -> o.assign("91220300MA14ABCD1X", true),
            "start", WorkOrder::start,
            "complete", o -> o.complete(COMPLETION),
            "verify", o -> o.verify(null, null, "staff", NOW),
            "reject", o -> o.reject("photos blurred"),
            "cancel", o -> o.cancel(null),
            "correct", o -> o.correct(new BigDecimal("60"), "recount", "admin", NOW));

    /** The commands each state allows (and where they lead). */
    static final Map<WorkOrderStatus, Map<String, WorkOrderStatus>> ALLOWED = Map.of(
            WorkOrderStatus.DRAFT, Map.of("issue", WorkOrderStatus.ISSUED, "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.ISSUED, Map.of("assign", WorkOrderStatus.ASSIGNED, "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.ASSIGNED, Map.of("start", WorkOrderStatus.IN_PROGRESS, "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.IN_PROGRESS, Map.of("complete", WorkOrderStatus.COMPLETED, "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.COMPLETED, Map.of("verify", WorkOrderStatus.VERIFIED, "reject", WorkOrderStatus.REJECTED,
                    "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.REJECTED, Map.of("start", WorkOrderStatus.IN_PROGRESS, "cancel", WorkOrderStatus.CANCELLED),
            WorkOrderStatus.VERIFIED, Map.of("correct", WorkOrderStatus.VERIFIED),
            WorkOrderStatus.CANCELLED, Map.of());

    static WorkOrder in(WorkOrderStatus status) {
        WorkOrder o = draft();
        switch (status) {
            case DRAFT:
                return o;
            case CANCELLED:
                return ok(o.cancel("no budget"));
            default:
                break;
        }
        o = ok(ok(ok(o.issue()).assign("91220300MA14ABCD1X", true)).start());
        if (status == WorkOrderStatus.ISSUED) {
            return ok(draft().issue());
        }
        if (status == WorkOrderStatus.ASSIGNED) {
            return ok(ok(draft().issue()).assign("91220300MA14ABCD1X", true));
        }
        if (status == WorkOrderStatus.IN_PROGRESS) {
            return o;
        }
        o = ok(o.complete(COMPLETION));
        if (status == WorkOrderStatus.COMPLETED) {
            return o;
        }
        if (status == WorkOrderStatus.REJECTED) {
            return ok(o.reject("recount"));
        }
        return ok(o.verify(null, null, "staff", NOW));
    }

    @Test
    void everyCommandInEveryStateIsAllowedOrRefusedNamingTheState() {
        int refused = 0;
        for (WorkOrderStatus state : WorkOrderStatus.values()) {
            WorkOrder order = in(state);
            assertThat(order.status()).isEqualTo(state);
            for (var command : COMMANDS.entrySet()) {
                WorkOrderStatus to = ALLOWED.get(state).get(command.getKey());
                if (to != null) {
                    WorkOrder.Changed changed = command.getValue().apply(order);
                    WorkOrder next = ok(changed);
                    assertThat(next.status()).as(state + " " + command.getKey()).isEqualTo(to);
                    assertThat(next.version()).isEqualTo(order.version() + 1);
                    assertThat(changed.change().from()).isEqualTo(state);
                } else {
                    assertThatThrownBy(() -> command.getValue().apply(order)).as(state + " " + command.getKey())
                            .isInstanceOfSatisfying(StateConflict.class, r -> {
                                assertThat(r.currentState()).isEqualTo(state.name());
                                assertThat(r.reason()).isEqualTo("problem.work-order.illegal-transition");
                                assertThat(r.args()).containsExactly(command.getKey(), state.name());
                            });
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(8 * 8 - 14);
    }

    @Test
    void theHappyPathPublishesOneEventPerStepWithQuantities() {
        WorkOrder o = draft();
        List<String> types = new java.util.ArrayList<>(List.of(WorkOrderEvents.CREATED));
        for (Function<WorkOrder, WorkOrder.Changed> step : List.<Function<WorkOrder, WorkOrder.Changed>>of(WorkOrder::issue,
                x -> x.assign("91220300MA14ABCD1X", true), WorkOrder::start, x -> x.complete(COMPLETION),
                x -> x.verify(null, null, "staff", NOW))) {
            var accepted = step.apply(o);
            o = accepted.order();
            types.add(accepted.change().eventType());
            WorkOrderEvents.Data data = o.event(accepted.change(), "someone");
            assertThat(data.villageCode()).isEqualTo("220382201201");
            assertThat(data.unit()).isEqualTo("LAMP");
            assertThat(data.plannedQuantity()).isEqualByComparingTo("80");
            if (accepted.change().eventType().equals(WorkOrderEvents.VERIFIED)) {
                assertThat(data.verifiedQuantity()).isEqualByComparingTo("64");
            }
        }
        assertThat(types).containsExactly(WorkOrderEvents.CREATED, WorkOrderEvents.ISSUED, WorkOrderEvents.ASSIGNED,
                WorkOrderEvents.STARTED, WorkOrderEvents.COMPLETED, WorkOrderEvents.VERIFIED);
        assertThat(o.verification().by()).isEqualTo("staff");
    }

    @Test
    void aCorrectionKeepsTheOrderVerifiedAndNamesBothQuantities() {
        WorkOrder verified = in(WorkOrderStatus.VERIFIED);
        var accepted = verified.correct(new BigDecimal("60.5"), " recount ", "admin", NOW);
        assertThat(accepted.order().status()).isEqualTo(WorkOrderStatus.VERIFIED);
        assertThat(accepted.order().verification().quantity()).isEqualByComparingTo("60.5");
        WorkOrderEvents.Data data = accepted.order().event(accepted.change(), "admin");
        assertThat(data.previousQuantity()).isEqualByComparingTo("64");
        assertThat(data.newQuantity()).isEqualByComparingTo("60.5");
        assertThat(data.reason()).isEqualTo("recount");
        refusesField(() -> verified.correct(new BigDecimal("64.000"), "same", "admin", NOW), "quantity",
                "problem.work-order.quantity.unchanged");
        refusesField(() -> verified.correct(new BigDecimal("1"), " ", "admin", NOW), "reason",
                "problem.work-order.reason.required");
        refusesField(() -> verified.correct(new BigDecimal("-1"), "x", "admin", NOW), "quantity",
                "problem.work-order.quantity.invalid");
    }

    @Test
    void rulesBeyondTheStates() {
        refusesField(() -> in(WorkOrderStatus.IN_PROGRESS).complete(new WorkOrder.Completion(BigDecimal.ONE, NOW, null,
                List.of())), "photoIds", "problem.work-order.photo.required");
        refusesField(() -> in(WorkOrderStatus.IN_PROGRESS).complete(new WorkOrder.Completion(new BigDecimal("-1"), NOW, null,
                List.of(UUID.randomUUID()))), "actualQuantity", "problem.work-order.quantity.invalid");
        assertThat(in(WorkOrderStatus.IN_PROGRESS).complete(new WorkOrder.Completion(BigDecimal.ZERO, NOW, null,
                List.of(UUID.randomUUID()))).order().status()).isEqualTo(WorkOrderStatus.COMPLETED);
        refusesField(() -> in(WorkOrderStatus.COMPLETED).reject(null), "reason", "problem.work-order.reason.required");
        refusesField(() -> in(WorkOrderStatus.ISSUED).assign("X", false), "contractorId",
                "problem.work-order.contractor.not-active");
        var details = new WorkOrder.Details("t", null, null, BigDecimal.ONE, null, null);
        assertThatThrownBy(() -> WorkOrder.create(UUID.randomUUID(), "220382201201", "c", "LAMP", "盏", "METRE", details))
                .isInstanceOfSatisfying(InvalidInput.class, r -> {
                    assertThat(r.fields()).containsExactly(new InvalidInput.FieldProblem("unit", "problem.work-order.unit.mismatch"));
                    assertThat(r.members()).containsExactly(Map.entry("categoryUnit", "LAMP"));
                });
        assertThat(WorkOrder.create(UUID.randomUUID(), "220382201201", "c", "LAMP", "盏", "盏", details).order().status())
                .isEqualTo(WorkOrderStatus.DRAFT);
        refusesField(() -> WorkOrder.create(UUID.randomUUID(), "220382201201", "c", "LAMP", "盏", null,
                new WorkOrder.Details("t", null, null, BigDecimal.ZERO, null, null)), "plannedQuantity",
                "problem.work-order.quantity.invalid");
        Set<WorkOrderStatus> cancellable = EnumSet.complementOf(EnumSet.of(WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED));
        for (WorkOrderStatus s : cancellable) {
            assertThat(in(s).cancel("x").order().status()).isEqualTo(WorkOrderStatus.CANCELLED);
        }
    }

    @Test
    void anOrderIsOverdueOnlyPastItsDueDayWithTheWorkStillToDo() {
        LocalDate due = LocalDate.of(2026, 6, 30); // draft()'s due date
        assertThat(in(WorkOrderStatus.IN_PROGRESS).isOverdue(due)).as("on the due day").isFalse();
        assertThat(in(WorkOrderStatus.IN_PROGRESS).isOverdue(due.plusDays(1))).as("the day after").isTrue();
        for (WorkOrderStatus s : WorkOrderStatus.values()) {
            boolean open = !EnumSet.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED)
                    .contains(s);
            assertThat(in(s).isOverdue(due.plusDays(1))).as(s.name()).isEqualTo(open);
            assertThat(WorkOrderStatus.openStatuses().contains(s)).as(s.name()).isEqualTo(open);
        }
        WorkOrder undated = ok(WorkOrder.create(UUID.randomUUID(), "220382201201", "c", "LAMP", "盏", null,
                new WorkOrder.Details("t", null, null, BigDecimal.ONE, null, null)));
        assertThat(undated.isOverdue(due.plusYears(10))).as("no due date").isFalse();
    }

    @Test
    void aPositionIsBothCoordinatesOrNone() {
        WorkOrder.requireWholePosition(null);
        WorkOrder.requireWholePosition(new WorkOrder.Location("村口", null, null));
        WorkOrder.requireWholePosition(new WorkOrder.Location(null, new BigDecimal("43.1"), new BigDecimal("124.3")));
        refusesField(() -> WorkOrder.requireWholePosition(new WorkOrder.Location(null, new BigDecimal("43.1"), null)),
                "location.longitude", "problem.work-order.position.incomplete");
        refusesField(() -> WorkOrder.requireWholePosition(new WorkOrder.Location(null, null, new BigDecimal("124.3"))),
                "location.latitude", "problem.work-order.position.incomplete");
    }

    @Test
    void staffVerifyUpToTheClaimedQuantityAndGiveAReasonForLess() {
        WorkOrder completed = in(WorkOrderStatus.COMPLETED); // 64 claimed
        WorkOrder.Changed lower = completed.verify(new BigDecimal("60"), " 4 盏未亮 ", "staff", NOW);
        assertThat(lower.order().verification().quantity()).isEqualByComparingTo("60");
        assertThat(lower.change().note()).isEqualTo("4 盏未亮");
        WorkOrderEvents.Data data = lower.order().event(lower.change(), "staff");
        assertThat(data.verifiedQuantity()).isEqualByComparingTo("60");
        assertThat(data.actualQuantity()).isEqualByComparingTo("64");
        assertThat(data.reason()).isEqualTo("4 盏未亮");
        assertThat(completed.verify(null, null, "staff", NOW).order().verification().quantity()).isEqualByComparingTo("64");
        assertThat(completed.verify(new BigDecimal("64.000"), null, "staff", NOW).change().note()).isNull();

        refusesField(() -> completed.verify(new BigDecimal("60"), " ", "staff", NOW), "reason",
                "problem.work-order.reason.required");
        refusesField(() -> completed.verify(new BigDecimal("64.5"), "more", "staff", NOW), "quantity",
                "problem.work-order.quantity.above-claim");
        refusesField(() -> completed.verify(new BigDecimal("-1"), "less", "staff", NOW), "quantity",
                "problem.work-order.quantity.invalid");
    }
}
