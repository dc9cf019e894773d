package io.cunjian.chassis.problem;

/** 409: the request does not fit the resource's current state, which the body carries as {@code currentState}. */
public class ConflictProblem extends ProblemException {
    public ConflictProblem(Object currentState, String detail, Object... args) {
        super(ProblemType.CONFLICT, detail, args);
        if (currentState != null) {
            with("currentState", currentState);
        }
    }
}
