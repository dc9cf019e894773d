package io.cunjian.chassis.domain;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule only the domain can check (across fields, against stored
 * facts). Each problem names the field as the client sent it ({@code items[2].quantity}).
 */
public final class InvalidInput extends Rejection {

    /** One offending field and why; {@code message} is a message key or a literal text. */
    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> fields;

    public InvalidInput(List<FieldProblem> fields) {
        super("problem.validation.detail", fields.size());
        this.fields = List.copyOf(fields);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> fields() {
        return fields;
    }
}
