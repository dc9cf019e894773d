package io.cunjian.chassis.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.config.QuarkusSettings;
import io.cunjian.chassis.config.RequestLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a declared body over its route's limit ({@link RequestLimits}: small for JSON, larger where a route takes
 * a file) or over {@code quarkus.http.limits.max-body-size} with a 413 problem, before the body is read. Quarkus'
 * own check (which this one runs just before) answers with an empty body, outside any exception mapper, and knows
 * one limit for the whole server.
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    ObjectMapper json;

    @Inject
    QuarkusSettings quarkus;

    @Inject
    RequestLimits limits;

    private record RouteLimit(Pattern path, long bytes) {
    }

    void install(@Observes Router router) {
        List<RouteLimit> routes = new ArrayList<>();
        limits.routes().forEach((path, size) -> routes.add(new RouteLimit(pattern(path), size.asLongValue())));
        long ceiling = quarkus.maxBodySize().map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        long otherwise = limits.body().asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String path = context.request().path();
            long limit = routes.stream().filter(r -> r.path().matcher(path).matches()).mapToLong(RouteLimit::bytes)
                    .findFirst().orElse(otherwise);
            check(context, Math.min(limit, ceiling));
        });
    }

    /** A route's path with {@code *} for one segment. */
    static Pattern pattern(String path) {
        StringBuilder regex = new StringBuilder();
        for (String piece : path.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(piece));
        }
        return Pattern.compile(regex.toString());
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        Locale locale = Messages.locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Map<String, Object> body = Problems.body(type.uri(), Messages.text(locale, type.titleKey()), type.status(),
                Messages.text(locale, "problem.payload-too-large.detail", limit), context.request().path(), List.of(), Map.of());
        try {
            // The body is not read: closing the connection spares the client sending the rest of it.
            context.response().setStatusCode(type.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(body));
        } catch (Exception e) {
            context.fail(type.status(), e);
        }
    }
}
