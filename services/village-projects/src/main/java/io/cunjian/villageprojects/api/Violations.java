package io.cunjian.villageprojects.api;

import java.util.List;

import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.villageprojects.domain.Violation;

/** A domain policy's violations as the 400 problem naming each field. */
final class Violations {

    private Violations() {
    }

    static InvalidInputProblem problem(List<Violation> violations) {
        return new InvalidInputProblem(violations.stream().map(v -> new FieldError(v.field(), v.messageKey())).toList());
    }
}
