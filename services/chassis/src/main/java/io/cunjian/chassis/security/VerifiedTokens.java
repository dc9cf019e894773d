package io.cunjian.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens whose signature and claims have been checked, so that a client sending the same token with every
 * request has its RSA signature checked once, not once per request (docs/adr/0033-create-path-in-fewer-round-trips.md).
 * Keyed by the whole token string: a token differing in any character (another signature, a claim changed) is a
 * different key and is checked in full. Only a token that passed is kept; a refused one is checked again each time.
 * An entry is used until the token's {@code exp} (never in the clock-skew grace after it) and at most
 * {@link #RECHECK_AFTER} after its check, so that a key withdrawn from the key set refuses the token soon after, as
 * it does uncached. Bounded: beyond {@link #MAX_TOKENS} distinct tokens the least used are checked again.
 */
final class VerifiedTokens {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 10_000;

    /** The check itself (the token parser). */
    @FunctionalInterface
    interface Check {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken jwt, Instant until) {
    }

    private final Clock clock;
    private final Cache<String, Verified> verified;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfter(new Expiry<String, Verified>() {
            @Override
            public long expireAfterCreate(String token, Verified v, long currentTime) {
                return Math.max(0, Duration.between(clock.instant(), v.until()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String token, Verified v, long currentTime, long currentDuration) {
                return expireAfterCreate(token, v, currentTime);
            }

            @Override
            public long expireAfterRead(String token, Verified v, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    /** The token as {@code check} accepted it, checked now unless it passed the check a moment ago. */
    JsonWebToken verify(String token, Check check) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.getIfPresent(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        JsonWebToken jwt = check.verify(token); // throws for a refused token: nothing is kept
        Instant until = now.plus(RECHECK_AFTER);
        Object exp = jwt.getClaim(Claims.exp.name());
        if (exp instanceof Number seconds) {
            Instant expires = Instant.ofEpochSecond(seconds.longValue());
            until = expires.isBefore(until) ? expires : until;
        }
        if (exp instanceof Number && now.isBefore(until)) { // a token without exp (refused by the parser) is never kept
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }
}
