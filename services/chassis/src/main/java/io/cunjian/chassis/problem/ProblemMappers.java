package io.cunjian.chassis.problem;

import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.cunjian.chassis.domain.Rejection;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure of a request into an {@code application/problem+json} answer. Priority is above
 * the built-in mappers for the same exception types (Quarkus' own 404 page, violation report and Jackson
 * messages name Java classes), so these win.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final int PRIORITY = Priorities.USER - 100;

    @Inject
    ObjectMapper json;

    @Inject
    AllowedMethods allowedMethods;

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

    @ServerExceptionMapper(priority = PRIORITY)
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
        boolean fromRequest = e instanceof ResteasyReactiveViolationException
                ? violations.stream().noneMatch(ProblemMappers::isReturnValue)
                // outside a resource method only entity/bean validation (no method in the path) is the caller's input
                : violations.stream().noneMatch(v -> hasKind(v, ElementKind.METHOD) || hasKind(v, ElementKind.CONSTRUCTOR));
        if (!fromRequest) {
            return internal(e, request);
        }
        List<FieldError> errors = violations.stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return answer(request, ProblemType.VALIDATION,
                Messages.text(locale(request), "problem.validation.detail", errors.size()), errors, Map.of(), Map.of());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response http(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        // An answer already made (a service's own entity, an idempotent replay) goes out as it is.
        if (original.hasEntity() || original.getStatus() < 400) {
            return original;
        }
        if (e.getCause() instanceof JsonProcessingException jsonProblem) {
            return json(jsonProblem, request);
        }
        Locale locale = locale(request);
        Map<String, String> headers = new LinkedHashMap<>();
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, String.join(", ", values));
            }
        });
        int status = original.getStatus();
        return switch (status) {
            case 400 -> answer(request, ProblemType.BAD_REQUEST, Messages.text(locale, "problem.bad-request.detail"), List.of(), Map.of(), headers);
            // JAX-RS answers a query or path parameter it cannot convert (?size=abc) with a 404 that carries the cause.
            case 404 -> e.getCause() != null
                    ? answer(request, ProblemType.BAD_REQUEST, Messages.text(locale, "problem.bad-request.parameter"), List.of(), Map.of(), headers)
                    : answer(request, ProblemType.NOT_FOUND, Messages.text(locale, "problem.not-found.detail", request.path()), List.of(), Map.of(), headers);
            case 405 -> {
                String allowed = String.join(", ", allowedMethods.of(request.path()));
                headers.putIfAbsent(HttpHeaders.ALLOW, allowed);
                yield answer(request, ProblemType.METHOD_NOT_ALLOWED, Messages.text(locale, "problem.method-not-allowed.detail",
                        request.path(), request.method().name(), allowed), List.of(), Map.of(), headers);
            }
            case 406 -> answer(request, ProblemType.NOT_ACCEPTABLE, Messages.text(locale, "problem.not-acceptable.detail",
                    String.valueOf(request.getHeader(HttpHeaders.ACCEPT))), List.of(), Map.of(), headers);
            case 413 -> answer(request, ProblemType.PAYLOAD_TOO_LARGE, null, List.of(), Map.of(), headers);
            case 415 -> answer(request, ProblemType.UNSUPPORTED_MEDIA_TYPE, Messages.text(locale, "problem.unsupported-media-type.detail",
                    String.valueOf(request.getHeader(HttpHeaders.CONTENT_TYPE))), List.of(), Map.of(), headers);
            default -> {
                if (status >= 500) {
                    yield internal(e, request);
                }
                // Statuses without a Cunjian type (401, 403, …): RFC 9457's about:blank, titled by the status.
                Response.StatusType reason = Response.Status.fromStatusCode(status);
                yield Problems.response(json, Problems.body(java.net.URI.create("about:blank"),
                        reason == null ? "HTTP " + status : reason.getReasonPhrase(), status, null, request.path(),
                        List.of(), Map.of()), headers);
            }
        };
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // Known failures arrive wrapped by transactions and interceptors: answer for the innermost one we know.
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, request);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return violations(violations, request);
            }
            String name = cause.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException") || name.equals("org.hibernate.StaleObjectStateException")
                    || name.equals("org.hibernate.StaleStateException")) {
                return answer(request, ProblemType.PRECONDITION_FAILED,
                        Messages.text(locale(request), "problem.precondition-failed.concurrent"), List.of(), Map.of(), Map.of());
            }
            // A chunked body over the limit: Quarkus has already answered 413 (empty) and closed; not our error to log.
            if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
                return answer(request, ProblemType.PAYLOAD_TOO_LARGE, null, List.of(), Map.of(), Map.of());
            }
            if (unstorableCharacters(cause)) {
                // e.g. a NUL character in a name: PostgreSQL cannot store it; the caller's input, not our error
                return answer(request, ProblemType.BAD_REQUEST, Messages.text(locale(request), "problem.bad-request.characters"),
                        List.of(), Map.of(), Map.of());
            }
            if (databaseAway(cause)) {
                // not the caller's fault and over in a moment: retryable, like a replica that has not caught up
                return answer(request, ProblemType.RETRYABLE, Messages.text(locale(request), "problem.retryable.database"),
                        List.of(), Map.of("retryAfterSeconds", DATABASE_RETRY_AFTER_SECONDS),
                        Map.of("Retry-After", Long.toString(DATABASE_RETRY_AFTER_SECONDS)));
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return answer(request, ProblemType.CONFLICT, Messages.text(locale(request), "problem.conflict.unique"),
                        List.of(), Map.of(), Map.of());
            }
        }
        return internal(e, request);
    }

    static final long DATABASE_RETRY_AFTER_SECONDS = 5;

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

    private Response internal(Throwable e, HttpServerRequest request) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s answering %s %s", errorId, request.method(), request.path());
        return answer(request, ProblemType.INTERNAL, Messages.text(locale(request), "problem.internal.detail", errorId),
                List.of(), Map.of("errorId", errorId), Map.of());
    }

    private Response json(JsonProcessingException e, HttpServerRequest request) {
        Locale locale = locale(request);
        if (e instanceof InvalidDefinitionException) {
            return internal(e, request); // the target type cannot be read at all: our bug, not the caller's
        }
        if (e instanceof DatabindException mapping) {
            List<JsonMappingException.Reference> path = mapping instanceof JsonMappingException m ? m.getPath() : List.of();
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (path.isEmpty() && target != null) {
                return answer(request, ProblemType.MALFORMED_JSON,
                        Messages.text(locale, "problem.malformed-json.root", typeLabel(locale, target)), List.of(), Map.of(), Map.of());
            }
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = Messages.text(locale, "json.unknown-property");
            } else if (target != null && target.isEnum()) {
                Object value = e instanceof InvalidFormatException invalid ? invalid.getValue() : null;
                message = Messages.text(locale, "json.enum", value == null ? "" : value,
                        Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
            } else if (target != null) {
                message = Messages.text(locale, "json.wrong-type", typeLabel(locale, target));
            } else {
                message = Messages.text(locale, "json.invalid-value");
            }
            List<FieldError> errors = List.of(new FieldError(jsonPath(path), message));
            return answer(request, ProblemType.VALIDATION, Messages.text(locale, "problem.validation.detail", 1), errors, Map.of(), Map.of());
        }
        String detail = e instanceof StreamReadException read && read.getLocation() != null
                ? Messages.text(locale, "problem.malformed-json.detail", read.getLocation().getLineNr(), read.getLocation().getColumnNr())
                : null;
        return answer(request, ProblemType.MALFORMED_JSON, detail, List.of(), Map.of(), Map.of());
    }

    private Response answer(HttpServerRequest request, ProblemType type, String detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        Locale locale = locale(request);
        return Problems.response(json, Problems.body(type.uri(), Messages.text(locale, type.titleKey()), type.status(),
                detail, request.path(), errors, extensions), headers);
    }

    static Locale locale(HttpServerRequest request) {
        return Messages.locale(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String typeLabel(Locale locale, Class<?> type) {
        String key;
        if (type == String.class || type == Character.class || type == char.class) {
            key = "string";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            key = "integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            key = "number";
        } else if (type == Boolean.class || type == boolean.class) {
            key = "boolean";
        } else if (type == LocalDate.class) {
            key = "date";
        } else if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class || type == LocalDateTime.class) {
            key = "date-time";
        } else if (type == LocalTime.class) {
            key = "time";
        } else if (type == UUID.class) {
            key = "uuid";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            key = "array";
        } else if (type.isPrimitive() || type.getName().startsWith("java.")) {
            key = "value";
        } else {
            key = "object";
        }
        return Messages.text(locale, "json.type." + key);
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        return hasKind(violation, ElementKind.RETURN_VALUE);
    }

    private static boolean hasKind(ConstraintViolation<?> violation, ElementKind kind) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JSON path of a violation, without the method and the body parameter: {@code create.body.contact.phone}
     * becomes {@code contact.phone}; a violated query, path or header parameter is named as the request names it.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        List<String> parts = new ArrayList<>();
        Path.MethodNode method = null;
        String parameterName = null;
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> {
                    Path.ParameterNode parameter = node.as(Path.ParameterNode.class);
                    parameterName = requestName(violation.getRootBeanClass(), method, parameter);
                }
                case CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER, BEAN -> {
                }
                default -> {
                    String name = node.getName();
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (node.isInIterable() && at != null) {
                        if (parts.isEmpty()) {
                            parts.add("[" + at + "]");
                        } else {
                            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + at + "]");
                        }
                    }
                    if (name != null && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            // the parameter itself was violated: a query/path/header parameter, or the body as a whole
            return parameterName == null ? "body" : parameterName;
        }
        return String.join(".", parts);
    }

    /** The name a request gives a parameter ({@code @QueryParam("page")}), or "body" for the entity parameter. */
    private static String requestName(Class<?> bean, Path.MethodNode methodNode, Path.ParameterNode parameter) {
        if (methodNode == null) {
            return parameter.getName();
        }
        Class<?>[] types = methodNode.getParameterTypes().toArray(Class<?>[]::new);
        // resource beans may be CDI subclasses whose overriding methods carry no annotations: look up the hierarchy
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            Method declared;
            try {
                declared = type.getDeclaredMethod(methodNode.getName(), types);
            } catch (NoSuchMethodException e) {
                continue;
            }
            var annotations = declared.getParameterAnnotations()[parameter.getParameterIndex()];
            if (annotations.length == 0) {
                continue;
            }
            for (var annotation : annotations) {
                String simpleName = annotation.annotationType().getSimpleName();
                if (simpleName.matches("(Query|Path|Header|Form|Cookie|Matrix)Param|Rest(Query|Path|Header|Form|Cookie|Matrix)")) {
                    try {
                        Object value = annotation.annotationType().getMethod("value").invoke(annotation);
                        return value == null || value.toString().isEmpty() ? parameter.getName() : value.toString();
                    } catch (ReflectiveOperationException e) {
                        return parameter.getName();
                    }
                }
            }
            return "body";
        }
        return "body";
    }
}
