package io.cunjian.chassis.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as {@code application/problem+json} (RFC 9457). The body never says why a token was
 * refused (missing, expired, bad signature, {@code alg: none}): that would help whoever forges one.
 */
public class SecurityProblems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String UNAUTHORIZED_TYPE = "urn:cunjian:problem:unauthorized";
    public static final String FORBIDDEN_TYPE = "urn:cunjian:problem:forbidden";

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(PROBLEM_JSON)
                .entity(problem(UNAUTHORIZED_TYPE, "A valid bearer token is required", 401))
                .build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Response.status(403)
                .type(PROBLEM_JSON)
                .entity(problem(FORBIDDEN_TYPE, "Not allowed for the caller's role or regions", 403))
                .build();
    }

    private static Map<String, Object> problem(String type, String title, int status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        return p;
    }
}
