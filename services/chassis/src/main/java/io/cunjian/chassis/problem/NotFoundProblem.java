package io.cunjian.chassis.problem;

/** 404. {@code throw new NotFoundProblem("village.not-found", code)} with {@code village.not-found=没有编码为 {0} 的村} in problems.properties. */
public class NotFoundProblem extends ProblemException {
    public NotFoundProblem(String detail, Object... args) {
        super(ProblemType.NOT_FOUND, detail, args);
    }
}
