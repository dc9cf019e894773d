package io.cunjian.chassis.ratelimit;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.problem.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every REST request of every service draws on a budget (ADR 0025): the token's subject's when the caller is
 * authenticated, the client address's otherwise (a refused token included, so guessing tokens is limited too).
 * Which budget: reads for GET/HEAD/OPTIONS and writes for the rest, unless the operation (or its class) names another
 * with {@link RateLimited}; an address always spends reads or writes. A spent budget answers 429 before the operation runs; every answer carries the RateLimit headers.
 * <p>
 * The identity is awaited, not read: authentication is lazy here ({@code quarkus.http.auth.proactive=false}) and the
 * filter runs on the event loop, where reading it would block.
 */
public class RateLimitFilter {

    /** Where the request's decision waits for the response filter. */
    static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;
    @Inject
    ClientAddress addresses;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    ObjectMapper json;

    /**
     * Before matching, so before the security check that answers 401: a request without a valid token spends its
     * address's reads or writes. Its token's subject is never believed before the signature is, or a forged token
     * could spend someone else's budget.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limitAnonymous(ContainerRequestContext request, HttpServerRequest http) {
        if (!limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> subject(identity) != null ? null
                        : decide(request, http, budget(null, request.getMethod()), "address:" + address(addresses, http)));
    }

    /** After matching: an authenticated caller spends its own budget, the one the operation names. */
    @ServerRequestFilter
    public Uni<Response> limitCaller(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (!limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    String subject = subject(identity);
                    return subject == null ? null
                            : decide(request, http, budget(resource, request.getMethod()), "caller:" + subject);
                });
    }

    /** Null to go on; the 429 when the budget is spent. The decision waits for the response filter either way. */
    private Response decide(ContainerRequestContext request, HttpServerRequest http, Budget budget, String who) {
        Decision decision = limiter.take(budget, who);
        request.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        return Problems.response(json,
                TooManyRequests.body(decision, http.path(), request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                decision.headers());
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            decision.headers().forEach(response.getHeaders()::putSingle);
        }
    }

    private static String subject(SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getSubject();
        }
        return null;
    }

    static String address(ClientAddress addresses, HttpServerRequest http) {
        String peer = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        List<String> forwardedFor = http.headers().getAll("X-Forwarded-For");
        return addresses.of(peer, forwardedFor);
    }

    static Budget budget(ResourceInfo resource, String method) {
        if (resource != null && resource.getResourceMethod() != null) {
            RateLimited own = resource.getResourceMethod().getAnnotation(RateLimited.class);
            if (own != null) {
                return own.value();
            }
            RateLimited ofClass = resource.getResourceClass().getAnnotation(RateLimited.class);
            if (ofClass != null) {
                return ofClass.value();
            }
        }
        return switch (method) {
            case HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS -> Budget.READS;
            default -> Budget.WRITES;
        };
    }
}
