package io.cunjian.chassis.ratelimit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.problem.Problems;
import io.cunjian.chassis.web.DevSignIn;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The sign-in routes need no token (the page, the OIDC provider's settings, the development sign-in): they are
 * plain routes, not REST operations, so {@link RateLimitFilter} never sees them. They spend the {@code sign-in}
 * budget of the client's address, checked before any of them runs.
 */
@ApplicationScoped
public class SignInRateLimit {

    /** Path prefixes of the routes that need no token. */
    static final List<String> PATHS = List.of(DevSignIn.PATH + "*", "/web/sign-in*");

    @Inject
    RateLimiter limiter;
    @Inject
    ClientAddress addresses;
    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        if (!limiter.enabled()) {
            return;
        }
        // Before the sign-in page's own header route (order -1000, io.cunjian.chassis.web.OidcSignIn).
        PATHS.forEach(path -> router.route(path).order(-1100).handler(this::limit));
    }

    private void limit(RoutingContext context) {
        Decision decision = limiter.take(Budget.SIGN_IN, "address:" + RateLimitFilter.address(addresses, context.request()));
        decision.headers().forEach(context.response()::putHeader);
        if (decision.allowed()) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                    .end(json.writeValueAsString(TooManyRequests.body(decision, context.request().path(),
                            context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))));
        } catch (Exception e) {
            context.fail(429, e);
        }
    }
}
