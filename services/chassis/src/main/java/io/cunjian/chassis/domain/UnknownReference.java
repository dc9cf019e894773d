package io.cunjian.chassis.domain;

/**
 * The command names, in one of its fields, something that does not exist: a village or work category
 * that another service would have published and, as far as this service can tell (its copy is caught
 * up), never did. The request is well-formed, so not a 400; sending it again will not help, so not a
 * 503 like {@link NotYetKnown}. The answer is 422 naming the field.
 */
public final class UnknownReference extends Rejection {

    /** {@code fieldMessage} says what is wrong with the field (a message key, no placeholders); {@code reason} the whole answer. */
    public UnknownReference(String field, String fieldMessage, String reason, Object... args) {
        super(java.util.List.of(new FieldProblem(field, fieldMessage)), reason, args);
    }
}
