package io.cunjian.chassis.problem;

import java.util.List;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.NotYetKnown;
import io.cunjian.chassis.domain.Refused;
import io.cunjian.chassis.domain.Rejection;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.domain.UnknownReference;
import io.cunjian.chassis.domain.VersionMismatch;
import io.cunjian.chassis.domain.VersionRequired;

/**
 * The one translation from the domain's rejections to the problems the API answers with: the domain says
 * what is wrong in its own terms, this says which status, type and members a client sees. Answers are the
 * same as when the services threw the problems themselves. The fields a rejection names become
 * {@code errors}; its extra members follow the members its kind writes, in the order they were added.
 */
public final class Rejections {

    private Rejections() {
    }

    /** {@code requestPath} is named by a {@link NotFound#requested()} answer, as by any address nothing answers at. */
    public static ProblemException asProblem(Rejection rejection, String requestPath) {
        ProblemException problem = kind(rejection, requestPath);
        rejection.members().forEach(problem::with);
        return problem;
    }

    private static ProblemException kind(Rejection rejection, String requestPath) {
        // Java 17 has no pattern switch; the kinds are sealed, so the last line is never reached.
        if (rejection instanceof NotFound r) {
            return r.namesTheRequest() ? new NotFoundProblem(r.reason(), requestPath) : new NotFoundProblem(r.reason(), r.args());
        }
        if (rejection instanceof StateConflict r) {
            ProblemException conflict = new ProblemException(ProblemType.CONFLICT, errors(r), r.reason(), r.args());
            return r.currentState() == null ? conflict : conflict.with("currentState", r.currentState());
        }
        if (rejection instanceof InvalidInput r) {
            return new ProblemException(ProblemType.VALIDATION, errors(r), r.reason(), r.args());
        }
        if (rejection instanceof Refused r) {
            return new ProblemException(ProblemType.FORBIDDEN, errors(r), r.reason(), r.args());
        }
        if (rejection instanceof VersionRequired) {
            return new PreconditionRequired();
        }
        if (rejection instanceof VersionMismatch r) {
            return new PreconditionFailed(r.sent(), ETags.header(r.current()));
        }
        if (rejection instanceof UnknownReference r) {
            return new ProblemException(ProblemType.UNKNOWN_REFERENCE, errors(r), r.reason(), r.args());
        }
        if (rejection instanceof NotYetKnown r) {
            return new RetryableProblem(r.retryAfter(), r.reason(), r.args());
        }
        throw new IllegalStateException("a rejection without a problem: " + rejection.getClass());
    }

    private static List<FieldError> errors(Rejection rejection) {
        return rejection.fields().stream().map(f -> new FieldError(f.field(), f.message())).toList();
    }
}
