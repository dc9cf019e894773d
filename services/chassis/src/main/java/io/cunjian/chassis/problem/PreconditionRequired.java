package io.cunjian.chassis.problem;

/** 428: an update came without {@code If-Match}, so it could silently overwrite someone else's change. */
public class PreconditionRequired extends ProblemException {
    public PreconditionRequired() {
        super(ProblemType.PRECONDITION_REQUIRED, "problem.precondition-required.detail");
    }
}
