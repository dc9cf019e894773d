package io.cunjian.chassis.problem;

/** 412: the {@code If-Match} the client sent names a version that is no longer current. */
public class PreconditionFailed extends ProblemException {
    public PreconditionFailed(String sent, String currentETag) {
        super(ProblemType.PRECONDITION_FAILED, "problem.precondition-failed.detail", sent, currentETag);
        header("ETag", currentETag);
        with("currentETag", currentETag);
    }
}
