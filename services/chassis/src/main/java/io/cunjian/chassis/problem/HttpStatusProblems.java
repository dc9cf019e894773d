package io.cunjian.chassis.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The answers JAX-RS itself gives (no such address, method not allowed, not acceptable, unsupported media
 * type, too large) as problems with the request's own words in them; an answer a service already made goes
 * out as it is.
 */
@Singleton
public class HttpStatusProblems {

    @Inject
    ProblemMappers mappers;
    @Inject
    JsonProblems jsonProblems;
    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper(priority = ProblemMappers.PRIORITY)
    public Response http(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        // An answer already made (a service's own entity, an idempotent replay) goes out as it is.
        if (original.hasEntity() || original.getStatus() < 400) {
            return original;
        }
        if (e.getCause() instanceof JsonProcessingException jsonProblem) {
            return jsonProblems.json(jsonProblem, request);
        }
        // a parameter the chassis could not read (UnreadableParameters) names itself
        if (e.getCause() instanceof ProblemException problem) {
            return mappers.problem(problem, request);
        }
        Locale locale = ProblemMappers.locale(request);
        Map<String, String> headers = new LinkedHashMap<>();
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, String.join(", ", values));
            }
        });
        int status = original.getStatus();
        return switch (status) {
            case 400 -> mappers.answer(request, ProblemType.BAD_REQUEST, Messages.text(locale, "problem.bad-request.detail"), List.of(), Map.of(), headers);
            // JAX-RS answers a query or path parameter it cannot convert (?size=abc) with a 404 that carries the cause.
            case 404 -> e.getCause() != null
                    ? mappers.answer(request, ProblemType.BAD_REQUEST, Messages.text(locale, "problem.bad-request.parameter"), List.of(), Map.of(), headers)
                    : mappers.answer(request, ProblemType.NOT_FOUND, Messages.text(locale, "problem.not-found.detail", request.path()), List.of(), Map.of(), headers);
            case 405 -> {
                String allowed = String.join(", ", allowedMethods.of(request.path()));
                headers.putIfAbsent(HttpHeaders.ALLOW, allowed);
                yield mappers.answer(request, ProblemType.METHOD_NOT_ALLOWED, Messages.text(locale, "problem.method-not-allowed.detail",
                        request.path(), request.method().name(), allowed), List.of(), Map.of(), headers);
            }
            case 406 -> mappers.answer(request, ProblemType.NOT_ACCEPTABLE, Messages.text(locale, "problem.not-acceptable.detail",
                    String.valueOf(request.getHeader(HttpHeaders.ACCEPT))), List.of(), Map.of(), headers);
            case 413 -> mappers.answer(request, ProblemType.PAYLOAD_TOO_LARGE, null, List.of(), Map.of(), headers);
            case 415 -> mappers.answer(request, ProblemType.UNSUPPORTED_MEDIA_TYPE, Messages.text(locale, "problem.unsupported-media-type.detail",
                    String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE))), List.of(), Map.of(), headers);
            default -> {
                if (status >= 500) {
                    yield mappers.internal(e, request);
                }
                // Statuses without a Cunjian type (401, 403, …): RFC 9457's about:blank, titled by the status.
                Response.StatusType reason = Response.Status.fromStatusCode(status);
                yield mappers.answer(Problems.body(URI.create("about:blank"),
                        reason == null ? "HTTP " + status : reason.getReasonPhrase(), status, null, request.path(),
                        List.of(), Map.of()), headers);
            }
        };
    }
}
