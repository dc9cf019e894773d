package io.cunjian.chassis.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * Whatever no other mapper took: a known failure wrapped by transactions and interceptors answers as itself;
 * the database away, text it cannot store, a unique key taken and a concurrent change each have their
 * answer; anything else is ours (500 with an error id in the log).
 */
@Singleton
public class UnexpectedFailures {

    @Inject
    ProblemMappers mappers;
    @Inject
    ValidationProblems validationProblems;

    @ServerExceptionMapper(priority = ProblemMappers.PRIORITY)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Locale locale = ProblemMappers.locale(request);
        // Known failures arrive wrapped by transactions and interceptors: answer for the innermost one we know.
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return mappers.problem(problem, request);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return validationProblems.violations(violations, request);
            }
            String name = cause.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException") || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return mappers.answer(request, ProblemType.PRECONDITION_FAILED, Messages.text(locale, "problem.precondition-failed.concurrent"),
                        List.of(), Map.of(), Map.of());
            }
            // A chunked body over the limit: Quarkus has already answered 413 (empty) and closed; not our error to log.
            if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
                return mappers.answer(request, ProblemType.PAYLOAD_TOO_LARGE, null, List.of(), Map.of(), Map.of());
            }
            // A form with more parts than quarkus.http.limits.max-parameters: Quarkus REST's parser stops at the limit
            // with a bare RuntimeException; the caller sent too much, not our error.
            String limit = formPartsLimit(cause);
            if (limit != null) {
                return mappers.answer(request, ProblemType.PAYLOAD_TOO_LARGE, Messages.text(locale, "problem.payload-too-large.parts", limit),
                        List.of(), Map.of(), Map.of());
            }
            if (unstorableCharacters(cause)) {
                // e.g. a NUL character in a name: PostgreSQL cannot store it; the caller's input, not our error
                return mappers.answer(request, ProblemType.BAD_REQUEST, Messages.text(locale, "problem.bad-request.characters"),
                        List.of(), Map.of(), Map.of());
            }
            if (databaseAway(cause)) {
                // not the caller's fault and over in a moment: retryable, like a replica that has not caught up
                return mappers.answer(request, ProblemType.RETRYABLE, Messages.text(locale, "problem.retryable.database"),
                        List.of(), Map.of("retryAfterSeconds", DATABASE_RETRY_AFTER_SECONDS),
                        Map.of("Retry-After", Long.toString(DATABASE_RETRY_AFTER_SECONDS)));
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return mappers.answer(request, ProblemType.CONFLICT, Messages.text(locale, "problem.conflict.unique"),
                        List.of(), Map.of(), Map.of());
            }
        }
        return mappers.internal(e, request);
    }

    static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private static final java.util.regex.Pattern FORM_PARTS = java.util.regex.Pattern.compile("Param limit of (\\d+) was exceeded");

    /** The form-part limit {@code cause} reports having hit, from Quarkus REST's form parser; else null. */
    static String formPartsLimit(Throwable cause) {
        StackTraceElement[] at = cause.getStackTrace();
        if (cause.getClass() != RuntimeException.class || cause.getMessage() == null || at.length == 0
                || !at[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
            return null;
        }
        java.util.regex.Matcher m = FORM_PARTS.matcher(cause.getMessage());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The database cannot be reached or refuses connections (SQLSTATE class 08, 57P01–57P03 shut down or
     * terminated, 53300 too many connections, 55000 "not currently accepting connections"), or the pool
     * had no connection to give in time: nothing was written, a retry may succeed.
     */
    static boolean databaseAway(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        if (sql.getSQLState() == null) {
            // Agroal: every pooled connection stayed busy for the acquisition timeout
            return String.valueOf(sql.getMessage()).startsWith("Sorry, acquisition timeout");
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || "53300".equals(state)
                || "55000".equals(state) && String.valueOf(sql.getMessage()).contains("not currently accepting connections");
    }

    /** Text PostgreSQL cannot hold (SQLSTATE 22021 "invalid byte sequence", e.g. U+0000; 22P05 untranslatable character). */
    static boolean unstorableCharacters(Throwable cause) {
        return cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()));
    }
}
