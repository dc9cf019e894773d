package io.cunjian.chassis.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import io.cunjian.chassis.domain.Bounds;

/**
 * Every write records who made it (the token's {@code sub}) in an actor column of {@link Bounds#ACTOR} characters.
 * A validly signed token whose subject is longer cannot be attributed, so it is refused like any other token the
 * services cannot accept: 401 at authentication, before any request is looked at, instead of a write that fails at
 * its insert. (The issuer decides subjects; ours are short, but a subject is not bounded by the JWT standard.)
 */
@ApplicationScoped
public class AttributableSubject implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && (jwt.getSubject() == null || jwt.getSubject().length() > Bounds.ACTOR)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token subject longer than " + Bounds.ACTOR));
        }
        return Uni.createFrom().item(identity);
    }
}
