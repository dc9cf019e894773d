package io.cunjian.chassis.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command the domain refuses: the aggregate or use case says why, in words a district official would
 * use, and the API layer turns it into a problem+json answer (the chassis maps each kind to its status).
 * The domain never speaks HTTP; it names the reason and the facts the caller needs.
 * <p>
 * {@code reason} is a message key of the service's {@code problems} bundle (or a literal text); {@code args}
 * fill its placeholders. A refusal may name the fields it is about ({@link #field}) and carry facts a client
 * acts on as extra members of the answer ({@link #with}, e.g. the serials a batch did not know), in the order
 * they were added.
 */
public abstract sealed class Rejection extends RuntimeException
        permits NotFound, StateConflict, InvalidInput, Refused, VersionRequired, VersionMismatch, NotYetKnown,
        UnknownReference {

    /** One offending field and why; {@code message} is a message key or a literal text. */
    public record FieldProblem(String field, String message) {
    }

    private final String reason;
    private final transient Object[] args;
    private final transient List<FieldProblem> fields;
    private final transient Map<String, Object> members = new LinkedHashMap<>();

    protected Rejection(String reason, Object... args) {
        this(List.of(), reason, args);
    }

    protected Rejection(List<FieldProblem> fields, String reason, Object... args) {
        // An expected answer, not a fault: no stack trace.
        super(reason, null, false, false);
        this.reason = reason;
        this.args = args.clone();
        this.fields = new ArrayList<>(fields);
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Names a field the refusal is about (a published standard's {@code status}); the answer lists it. */
    public Rejection field(String field, String message) {
        fields.add(new FieldProblem(field, message));
        return this;
    }

    /** Adds a member to the answer, after those the kind of rejection itself writes; a later value for a name replaces the earlier. */
    public Rejection with(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public List<FieldProblem> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The extra members, in the order they were added. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }
}
