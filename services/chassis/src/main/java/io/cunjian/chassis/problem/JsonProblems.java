package io.cunjian.chassis.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;

/**
 * A body that is not the JSON the endpoint reads: malformed JSON names the line and column, a value of the
 * wrong type, an unknown property or a value outside an enum names the field (its JSON path) and what was
 * expected, in words rather than Java types. A type Jackson cannot read at all is our fault, not the caller's.
 */
@Singleton
public class JsonProblems {

    @Inject
    ProblemMappers mappers;

    @ServerExceptionMapper(priority = ProblemMappers.PRIORITY)
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    /** Also for a body JAX-RS could not read because Jackson could not ({@link HttpStatusProblems}). */
    Response json(JsonProcessingException e, HttpServerRequest request) {
        Locale locale = ProblemMappers.locale(request);
        if (e instanceof InvalidDefinitionException) {
            return mappers.internal(e, request); // the target type cannot be read at all: our bug, not the caller's
        }
        if (e instanceof DatabindException mapping) {
            List<JsonMappingException.Reference> path = mapping instanceof JsonMappingException m ? m.getPath() : List.of();
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (path.isEmpty() && target != null) {
                return mappers.answer(request, ProblemType.MALFORMED_JSON,
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
            return mappers.answer(request, ProblemType.VALIDATION, Messages.text(locale, "problem.validation.detail", 1), errors, Map.of(), Map.of());
        }
        String detail = e instanceof StreamReadException read && read.getLocation() != null
                ? Messages.text(locale, "problem.malformed-json.detail", read.getLocation().getLineNr(), read.getLocation().getColumnNr())
                : null;
        return mappers.answer(request, ProblemType.MALFORMED_JSON, detail, List.of(), Map.of(), Map.of());
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
}
