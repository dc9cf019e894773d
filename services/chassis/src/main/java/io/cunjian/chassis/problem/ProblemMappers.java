package io.cunjian.chassis.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.domain.Rejection;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure of a request into an {@code application/problem+json} answer: here the problems and
 * domain rejections the services raise, and the one way every answer is written; the other families live
 * beside it ({@link ValidationProblems}, {@link JsonProblems}, {@link HttpStatusProblems},
 * {@link UnexpectedFailures}). Priority is above the built-in mappers for the same exception types (Quarkus'
 * own 404 page, violation report and Jackson messages name Java classes), so these win.
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int PRIORITY = Priorities.USER - 100;

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, HttpServerRequest request) {
        Locale locale = locale(request);
        List<FieldError> errors = e.errors().stream()
                .map(error -> new FieldError(error.field(), Messages.text(locale, error.message())))
                .toList();
        return answer(request, e.type(), Messages.text(locale, e.detail(), e.args()), errors, e.extensions(), e.headers());
    }

    /** A domain rejection answers as the problem {@link Rejections} makes of it. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response rejection(Rejection e, HttpServerRequest request) {
        return problem(Rejections.asProblem(e, request.path()), request);
    }

    /** A failure that is ours, not the caller's: logged with an id the answer names, nothing else told. */
    Response internal(Throwable e, HttpServerRequest request) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s answering %s %s", errorId, request.method(), request.path());
        return answer(request, ProblemType.INTERNAL, Messages.text(locale(request), "problem.internal.detail", errorId),
                List.of(), Map.of("errorId", errorId), Map.of());
    }

    /** The one way an answer is written: the type's status and localized title, the request's path as instance. */
    Response answer(HttpServerRequest request, ProblemType type, String detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        Locale locale = locale(request);
        return Problems.response(json, Problems.body(type.uri(), Messages.text(locale, type.titleKey()), type.status(),
                detail, request.path(), errors, extensions), headers);
    }

    /** The answer with the body as it is given, for statuses without a Cunjian type. */
    Response answer(Map<String, Object> body, Map<String, String> headers) {
        return Problems.response(json, body, headers);
    }

    static Locale locale(HttpServerRequest request) {
        return Messages.locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
