package io.cunjian.chassis.problem;

/** One offending input: {@code field} is the JSON property path ({@code contact.phone}, {@code items[2].quantity}) or a parameter name. */
public record FieldError(String field, String message) {
}
