package io.cunjian.chassis.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.domain.VersionMismatch;
import io.cunjian.chassis.domain.VersionRequired;

/** Each domain rejection answers as the problem the services used to throw themselves. */
class RejectionsTest {

    @Test
    void aRejectionKeepsItsReasonFactsAndStatus() {
        ProblemException notFound = Rejections.asProblem(new NotFound("village.not-found", "220382201001"));
        assertThat(notFound.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(notFound.detail()).isEqualTo("village.not-found");
        assertThat(notFound.args()).containsExactly("220382201001");

        ProblemException conflict = Rejections.asProblem(new StateConflict("VERIFIED", "order.not-completed"));
        assertThat(conflict.type().status()).isEqualTo(409);
        assertThat(conflict.extensions()).containsEntry("currentState", "VERIFIED");

        ProblemException invalid = Rejections.asProblem(new InvalidInput("items[2].quantity", "plan.target.negative"));
        assertThat(invalid.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(invalid.errors()).containsExactly(new FieldError("items[2].quantity", "plan.target.negative"));

        ProblemException later = Rejections.asProblem(new NotYetKnown(Duration.ofMillis(1500), "village.not-yet-known"));
        assertThat(later.type().status()).isEqualTo(503);
        assertThat(later.headers()).containsEntry("Retry-After", "2");
    }

    @Test
    void versionsAreCheckedAsIfMatchWas() {
        assertThat(Rejections.asProblem(new VersionRequired()).type().status()).isEqualTo(428);
        VersionMismatch stale = catchMismatch(ExpectedVersion.of(3), 4);
        ProblemException failed = Rejections.asProblem(stale);
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
