package io.cunjian.chassis.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller of the current request. Inject it anywhere (it is request-aware) and call {@link #get()}:
 * <pre>
 * &#64;Inject CurrentCaller caller;
 * ...
 * caller.get().requireRole(Role.DISTRICT_ADMIN).requireRegion(village.code());
 * </pre>
 */
@ApplicationScoped
public class CurrentCaller {

    public static final String REGIONS_CLAIM = "regions";
    public static final String CONTRACTOR_ID_CLAIM = "contractor_id";

    @Inject
    SecurityIdentity identity;

    public Caller get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new UnauthorizedException();
        }
        return new Caller(jwt.getSubject(),
                identity.getRoles().stream().flatMap(g -> Role.ofClaim(g).stream()).collect(Collectors.toSet()),
                Set.copyOf(strings(jwt.getClaim(REGIONS_CLAIM))),
                strings(jwt.getClaim(CONTRACTOR_ID_CLAIM)).stream().findFirst());
    }

    /** A claim as strings, whether the parser gave JSON values or Java ones, a list or a single value. */
    static List<String> strings(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return array.stream().map(CurrentCaller::text).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(CurrentCaller::text).toList();
        }
        return List.of(text(claim));
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : String.valueOf(value);
    }
}
