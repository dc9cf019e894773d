package io.cunjian.chassis.domain;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule only the domain can check (across fields, against stored
 * facts). Each problem names the field as the client sent it ({@code items[2].quantity}); a refusal of the
 * input as a whole (serials nobody registered) says why in its reason instead.
 */
public final class InvalidInput extends Rejection {

    public InvalidInput(List<FieldProblem> fields) {
        super(fields, "problem.validation.detail", fields.size());
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** The input as a whole is refused: {@code reason} says why, no single field is named. */
    public static InvalidInput because(String reason, Object... args) {
        return new InvalidInput(reason, args);
    }

    private InvalidInput(String reason, Object[] args) {
        super(List.of(), reason, args);
    }
}
