package io.cunjian.chassis.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller should see as a problem+json answer. Services throw the subclasses
 * ({@link NotFoundProblem}, {@link ConflictProblem}, …); the chassis turns them into responses.
 * <p>
 * {@code detail} is a message key looked up in the service's {@code problems} bundle
 * ({@code src/main/resources/problems.properties} for zh-CN, {@code problems_en.properties} for English)
 * and then in the chassis bundle; a text that is no key is used as it is. {@code args} fill its
 * {@link java.text.MessageFormat} placeholders.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detail;
    private final Object[] args;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail, Object... args) {
        this(type, List.of(), detail, args);
    }

    public ProblemException(ProblemType type, List<FieldError> errors, String detail, Object... args) {
        // The message is for logs only; no stack trace is needed for an expected answer.
        super(type.slug() + ": " + detail, null, false, false);
        this.type = type;
        this.detail = detail;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    /** Adds an extension member to the problem body, e.g. {@code currentState}. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
