package io.cunjian.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.Refused;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.domain.UnknownReference;
import io.cunjian.chassis.domain.VersionMismatch;
import io.cunjian.chassis.domain.VersionRequired;

/** Each domain rejection answers as the problem the services used to throw themselves. */
class RejectionsTest {

    private static final String PATH = "/api/v1/things/7";

    @Test
    void aRejectionKeepsItsReasonFactsAndStatus() {
        ProblemException notFound = Rejections.asProblem(new NotFound("village.not-found", "220382201001"), PATH);
        assertThat(notFound.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(notFound.detail()).isEqualTo("village.not-found");
        assertThat(notFound.args()).containsExactly("220382201001");

        ProblemException conflict = Rejections.asProblem(new StateConflict("VERIFIED", "order.not-completed"), PATH);
        assertThat(conflict.type().status()).isEqualTo(409);
        assertThat(conflict.extensions()).containsEntry("currentState", "VERIFIED");

        ProblemException invalid = Rejections.asProblem(new InvalidInput("items[2].quantity", "plan.target.negative"), PATH);
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(invalid.errors()).containsExactly(new FieldError("items[2].quantity", "plan.target.negative"));

        ProblemException later = Rejections.asProblem(new NotYetKnown(Duration.ofMillis(1500), "village.not-yet-known"), PATH);
        assertThat(later.type().status()).isEqualTo(503);
        assertThat(later.headers()).containsEntry("Retry-After", "2");

        ProblemException none = Rejections.asProblem(new UnknownReference("villageCode", "village.none.field",
                "village.none", "220382201001"), PATH);
        assertThat(none.type()).isEqualTo(ProblemType.UNKNOWN_REFERENCE);
        assertThat(none.type().status()).isEqualTo(422);
        assertThat(none.errors()).containsExactly(new FieldError("villageCode", "village.none.field"));
        assertThat(none.args()).containsExactly("220382201001");
        assertThat(none.headers()).doesNotContainKey("Retry-After");
    }

    @Test
    void extraMembersFollowTheKindsOwnInTheOrderTheyWereAdded() {
        ProblemException frozen = Rejections.asProblem(new StateConflict("PUBLISHED", "standard.frozen", "jilin-v1")
                .field("status", "standard.frozen.field").with("publishedBy", "admin").with("since", "2026-01-01"), PATH);
        assertThat(frozen.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(frozen.args()).containsExactly("jilin-v1");
        assertThat(frozen.errors()).containsExactly(new FieldError("status", "standard.frozen.field"));
        assertThat(frozen.extensions()).containsExactly(entry("currentState", "PUBLISHED"), entry("publishedBy", "admin"),
                entry("since", "2026-01-01"));

        ProblemException unit = Rejections.asProblem(new InvalidInput("unit", "unit.mismatch").with("categoryUnit", "LAMP"), PATH);
        assertThat(unit.detail()).isEqualTo("problem.validation.detail");
        assertThat(unit.args()).containsExactly(1);
        assertThat(unit.errors()).containsExactly(new FieldError("unit", "unit.mismatch"));
        assertThat(unit.extensions()).containsExactly(entry("categoryUnit", "LAMP"));

        ProblemException later = Rejections.asProblem(new NotYetKnown(Duration.ofSeconds(2), "village.not-yet-known")
                .with("village", "220382201001"), PATH);
        assertThat(later.extensions()).containsExactly(entry("retryAfterSeconds", 2L), entry("village", "220382201001"));
    }

    @Test
    void aBatchRefusedAsAWholeNamesNoFieldAndAForbiddenOneIs403() {
        ProblemException unknown = Rejections.asProblem(InvalidInput.because("heartbeat.unknown", 2, "A, B")
                .with("unknownSerials", List.of("A", "B")), PATH);
        assertThat(unknown.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(unknown.detail()).isEqualTo("heartbeat.unknown");
        assertThat(unknown.args()).containsExactly(2, "A, B");
        assertThat(unknown.errors()).isEmpty();
        assertThat(unknown.extensions()).containsExactly(entry("unknownSerials", List.of("A", "B")));

        ProblemException forbidden = Rejections.asProblem(new Refused("heartbeat.forbidden", "C").with("forbiddenSerials",
                List.of("C")), PATH);
        assertThat(forbidden.type()).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(forbidden.type().status()).isEqualTo(403);
        assertThat(forbidden.args()).containsExactly("C");
        assertThat(forbidden.extensions()).containsExactly(entry("forbiddenSerials", List.of("C")));
    }

    @Test
    void whatTheCallerMayNotLearnOfIsNotFoundAtTheRequestedAddress() {
        ProblemException hidden = Rejections.asProblem(NotFound.requested(), PATH);
        assertThat(hidden.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(hidden.detail()).isEqualTo("problem.not-found.detail");
        assertThat(hidden.args()).containsExactly(PATH);

        ProblemException named = Rejections.asProblem(new NotFound("order.not-found", "42"), PATH);
        assertThat(named.args()).containsExactly("42");
    }

    @Test
    void versionsAreCheckedAsIfMatchWas() {
        assertThat(Rejections.asProblem(new VersionRequired(), PATH).type().status()).isEqualTo(428);
        VersionMismatch stale = catchMismatch(ExpectedVersion.of(3), 4);
        ProblemException failed = Rejections.asProblem(stale, PATH);
        assertThat(failed.type().status()).isEqualTo(412);
        assertThat(failed.headers()).containsEntry("ETag", "\"4\"");

        ExpectedVersion.any().check(9);
        ExpectedVersion.of(4).check(4);
        io.cunjian.chassis.concurrency.ETags.expected("W/\"4\", \"5\"").check(5);
        assertThat(catchMismatch(io.cunjian.chassis.concurrency.ETags.expected("W/\"4\""), 4).sent()).isEqualTo("W/\"4\"");
        assertThat(io.cunjian.chassis.concurrency.ETags.expected(" ").isNone()).isTrue();
    }

    private static VersionMismatch catchMismatch(ExpectedVersion expected, long current) {
        try {
            expected.check(current);
        } catch (VersionMismatch e) {
            return e;
        }
        throw new AssertionError("no mismatch for " + current);
    }
}
