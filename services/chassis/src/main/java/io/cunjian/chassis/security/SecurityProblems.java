package io.cunjian.chassis.security;

import io.cunjian.chassis.problem.Messages;
import io.cunjian.chassis.problem.ProblemType;

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
    public static final String UNAUTHORIZED_TYPE = ProblemType.UNAUTHORIZED.uri().toString();
    public static final String FORBIDDEN_TYPE = ProblemType.FORBIDDEN.uri().toString();

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(HttpHeaders request) {
        return unauthorized(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The one 401 answer, in the language {@code Accept-Language} asks for. */
    public static Response unauthorized(String acceptLanguage) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(PROBLEM_JSON)
                .entity(problem(UNAUTHORIZED_TYPE, Messages.text(Messages.locale(acceptLanguage), ProblemType.UNAUTHORIZED.titleKey()), 401))
                .build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(HttpHeaders request) {
        return Response.status(403)
                .type(PROBLEM_JSON)
                .entity(problem(FORBIDDEN_TYPE, title(request, ProblemType.FORBIDDEN), 403))
                .build();
    }

    private static String title(HttpHeaders request, ProblemType type) {
        return Messages.text(Messages.locale(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)), type.titleKey());
    }

    private static Map<String, Object> problem(String type, String title, int status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        return p;
    }
}
