package io.cunjian.chassis.problem;

import java.util.List;

/**
 * 400 naming the offending fields, for checks Bean Validation cannot express (e.g. across fields).
 * Each field's message is resolved like a detail: a key of the problems bundle, or a literal text.
 */
public class InvalidInputProblem extends ProblemException {
    public InvalidInputProblem(List<FieldError> errors) {
        super(ProblemType.VALIDATION, errors, "problem.validation.detail", errors.size());
    }

    public InvalidInputProblem(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
