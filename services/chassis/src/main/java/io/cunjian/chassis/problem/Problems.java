package io.cunjian.chassis.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.tracing.TraceParent;

/** Builds {@code application/problem+json} answers (RFC 9457) for anything that needs one outside the exception mappers. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static Map<String, Object> body(URI type, String title, int status, String detail, String instance,
            List<FieldError> errors, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        if (status >= 500) {
            // Our failure, not the caller's: the trace id finds the request's spans and log lines (ADR 0023).
            TraceParent.currentTraceId().ifPresent(traceId -> body.putIfAbsent("traceId", traceId));
        }
        return body;
    }

    /** The body is written here, as text, so no content negotiation (e.g. {@code Accept: text/csv}) can turn it into something else. */
    public static Response response(ObjectMapper json, Map<String, Object> body, Map<String, String> headers) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body not serializable", e);
        }
        Response.ResponseBuilder answer = Response.status((Integer) body.get("status")).type(PROBLEM_JSON).entity(text);
        headers.forEach(answer::header);
        return answer.build();
    }
}
