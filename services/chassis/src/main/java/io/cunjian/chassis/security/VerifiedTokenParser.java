package io.cunjian.chassis.security;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token check every request goes through (SmallRye JWT's parser, called by Quarkus' authentication),
 * remembering the tokens that passed ({@link VerifiedTokens}). The other methods (a key given by the caller) pass
 * straight through.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, parser::parse);
    }
}
