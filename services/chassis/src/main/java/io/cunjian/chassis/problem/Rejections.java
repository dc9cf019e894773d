package io.cunjian.chassis.problem;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.Rejection;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.domain.VersionMismatch;
import io.cunjian.chassis.domain.VersionRequired;

/**
 * The one translation from the domain's rejections to the problems the API answers with: the domain says
 * what is wrong in its own terms, this says which status, type and members a client sees. Answers are the
 * same as when the services threw the problems themselves.
 */
public final class Rejections {

    private Rejections() {
    }

    public static ProblemException asProblem(Rejection rejection) {
        // Java 17 has no pattern switch; the kinds are sealed, so the last line is never reached.
        if (rejection instanceof NotFound r) {
            return new NotFoundProblem(r.reason(), r.args());
        }
        if (rejection instanceof StateConflict r) {
            return new ConflictProblem(r.currentState(), r.reason(), r.args());
        }
        if (rejection instanceof InvalidInput r) {
            return new InvalidInputProblem(r.fields().stream().map(f -> new FieldError(f.field(), f.message())).toList());
        }
        if (rejection instanceof VersionRequired) {
            return new PreconditionRequired();
        }
        if (rejection instanceof VersionMismatch r) {
            return new PreconditionFailed(r.sent(), ETags.header(r.current()));
        }
        if (rejection instanceof NotYetKnown r) {
            return new RetryableProblem(r.retryAfter(), r.reason(), r.args());
        }
        throw new IllegalStateException("a rejection without a problem: " + rejection.getClass());
    }
}
