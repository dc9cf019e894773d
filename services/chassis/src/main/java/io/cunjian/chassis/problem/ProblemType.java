package io.cunjian.chassis.problem;

import java.net.URI;

/**
 * The stable problem types of every Cunjian API. A type's URI is
 * {@code https://cunjian.dev/problems/<slug>}; it never changes once published (clients branch on it),
 * and its title is localized from {@code problem.<slug>.title} in the chassis message bundle.
 */
public enum ProblemType {
    VALIDATION("validation", 400),
    MALFORMED_JSON("malformed-json", 400),
    BAD_REQUEST("bad-request", 400),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    UNKNOWN_REFERENCE("unknown-reference", 422),
    PRECONDITION_REQUIRED("precondition-required", 428),
    INTERNAL("internal", 500),
    RETRYABLE("retryable", 503);

    public static final String BASE = "https://cunjian.dev/problems/";

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String titleKey() {
        return "problem." + slug + ".title";
    }
}
