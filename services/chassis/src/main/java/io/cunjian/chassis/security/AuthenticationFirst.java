package io.cunjian.chassis.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.cunjian.chassis.problem.AllowedMethods;
import io.cunjian.chassis.problem.HttpStatusProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * 401 before anything else is looked at (docs/adr/0026-development-mode-and-authentication-first.md). JAX-RS chooses
 * the method before the security check runs, so a request whose method, {@code Content-Type} or {@code Accept} fits
 * no method of its address (405, 415, 406) was answered as such without a look at its token: a caller without a
 * valid one learnt what an endpoint takes. Those answers go out only to an authenticated caller; anyone else gets
 * the 401 every other request without a valid token gets. Authentication is lazy (ADR 0005), so it is asked for
 * here. Validation before authorization (ADR 0013) is untouched: it concerns authenticated callers only. An address
 * with a public method ({@code @PermitAll}; none in the services) answers as before.
 */
@Singleton
public class AuthenticationFirst {

    @Inject
    CurrentIdentityAssociation identity;
    @Inject
    HttpStatusProblems problems;
    @Inject
    AllowedMethods addresses;

    /** Above the built-in mappers, as every chassis mapper; for these types it is chosen over the one for all statuses. */
    @ServerExceptionMapper(value = {NotAllowedException.class, NotSupportedException.class, NotAcceptableException.class},
            priority = Priorities.USER - 100)
    public Uni<Response> noMethodFits(WebApplicationException e, HttpServerRequest request) {
        if (addresses.anyOpen(request.path())) {
            // an address with a public method (@PermitAll) tells anyone what it takes
            return Uni.createFrom().item(problems.http(e, request));
        }
        return identity.getDeferredIdentity()
                .map(caller -> caller == null || caller.isAnonymous() ? refused(request) : problems.http(e, request))
                .onFailure(f -> f instanceof AuthenticationFailedException || f instanceof UnauthorizedException)
                .recoverWithItem(() -> refused(request));
    }

    private static Response refused(HttpServerRequest request) {
        return SecurityProblems.unauthorized(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
