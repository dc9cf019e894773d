package io.cunjian.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.ParseException;

/** A bearer token's signature is checked once per token, never trusted past its expiry, never remembered when refused. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-08T01:00:00Z");

    private final MovingClock clock = new MovingClock(START);
    private final VerifiedTokens tokens = new VerifiedTokens(clock);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aTokenSentWithEveryRequestIsCheckedOnce() throws ParseException {
        VerifiedTokens.Check check = accepting(START.plus(Duration.ofHours(8)));
        for (int i = 0; i < 10; i++) {
            assertThat(tokens.verify("token-a", check).getSubject()).isEqualTo("someone");
        }
        assertThat(checks).hasValue(1);

        tokens.verify("token-a-other-signature", check);
        assertThat(checks).as("another string is another token").hasValue(2);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefusedThen() throws ParseException {
        tokens.verify("token-b", accepting(START.plusSeconds(30)));
        clock.advance(Duration.ofSeconds(29));
        tokens.verify("token-b", accepting(START.plusSeconds(30)));
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofSeconds(1)); // at exp: the parser decides, and now refuses
        assertThatThrownBy(() -> tokens.verify("token-b", refusing())).isInstanceOf(ParseException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterAMinute() throws ParseException {
        VerifiedTokens.Check check = accepting(START.plus(Duration.ofHours(8)));
        tokens.verify("token-c", check);
        clock.advance(VerifiedTokens.RECHECK_AFTER);
        tokens.verify("token-c", check);
        assertThat(checks).as("a key withdrawn from the key set refuses the token soon after").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() throws ParseException {
        assertThatThrownBy(() -> tokens.verify("token-d", refusing())).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verify("token-d", refusing())).isInstanceOf(ParseException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenAcceptedInTheGraceAfterItsExpiryIsNotRemembered() throws ParseException {
        clock.advance(Duration.ofSeconds(10)); // the parser allows some clock skew past exp
        tokens.verify("token-e", accepting(START));
        tokens.verify("token-e", accepting(START));
        assertThat(checks).hasValue(2);
    }

    private VerifiedTokens.Check accepting(Instant exp) {
        return token -> {
            checks.incrementAndGet();
            return new Token(Map.of("sub", "someone", "exp", exp.getEpochSecond()));
        };
    }

    private VerifiedTokens.Check refusing() {
        return token -> {
            checks.incrementAndGet();
            throw new ParseException("refused");
        };
    }

    private record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
