package io.cunjian.chassis.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cunjian.infrastructure.TokenMinter;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The rate limits as a client meets them (ADR 0025), with budgets small enough to spend in a test. Each test signs
 * in as a subject of its own, so the tests never spend each other's budgets.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    /** Small budgets; the test peer (127.0.0.1) is no trusted proxy, as by default. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cunjian.rate-limit.writes.quota", "3", "cunjian.rate-limit.writes.window", "2s",
                    "cunjian.rate-limit.heartbeats.quota", "2", "cunjian.rate-limit.heartbeats.window", "60s",
                    "cunjian.rate-limit.sign-in.quota", "2", "cunjian.rate-limit.sign-in.window", "60s");
        }
    }

    static String token(String role) {
        String subject = "rate-" + role + "-" + UUID.randomUUID();
        return Tokens.of(TokenMinter.Claims.of(Tokens.ISSUER, subject, List.of(role), List.of("2203"), null, Duration.ofHours(1)));
    }

    @Test
    void aSpentBudgetIsA429WithTheRateLimitHeadersAndEveryAnswerShowsWhatIsLeft() {
        String admin = token("district-admin");
        for (int left = 2; left >= 0; left--) {
            given().auth().oauth2(admin).post("/beats/notes").then().statusCode(200)
                    .header("RateLimit-Policy", "\"writes\";q=3;w=2")
                    .header("RateLimit", startsWith("\"writes\";r=" + left + ";t="));
        }

        Response refused = given().auth().oauth2(admin).header("Accept-Language", "en").post("/beats/notes");

        refused.then().statusCode(429).contentType(startsWith("application/problem+json"))
                .header("RateLimit-Policy", "\"writes\";q=3;w=2")
                .body("type", equalTo("https://cunjian.dev/problems/too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("violated-policies", equalTo(List.of("writes")));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        // the draft: Retry-After must not point earlier than t
        assertThat(refused.header("RateLimit")).isEqualTo("\"writes\";r=0;t=" + retryAfter);
        assertThat(refused.jsonPath().getLong("retryAfterSeconds")).isEqualTo(retryAfter);
        assertThat(refused.jsonPath().getString("detail")).contains("writes").contains("retry in " + retryAfter + " s");
    }

    @Test
    void afterTheWindowTheWholeBudgetIsBack() throws InterruptedException {
        String admin = token("district-admin");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).post("/beats/notes").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(admin).post("/beats/notes");
        refused.then().statusCode(429);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);

        given().auth().oauth2(admin).post("/beats/notes").then().statusCode(200)
                .header("RateLimit", startsWith("\"writes\";r=2;"));
    }

    @Test
    void aDevicesHeartbeatsHaveTheirOwnBudgetApartFromAPersonsAndFromItsOtherRequests() {
        String device = token("device");
        String admin = token("district-admin");
        given().auth().oauth2(device).post("/beats").then().statusCode(200)
                .header("RateLimit-Policy", "\"heartbeats\";q=2;w=60").header("RateLimit", startsWith("\"heartbeats\";r=1;"));
        given().auth().oauth2(device).post("/beats").then().statusCode(200);
        given().auth().oauth2(device).post("/beats").then().statusCode(429)
                .body("violated-policies", equalTo(List.of("heartbeats")));

        // the device's writes and reads are other budgets
        given().auth().oauth2(device).post("/beats/notes").then().statusCode(200)
                .header("RateLimit", startsWith("\"writes\";r=2;"));
        given().auth().oauth2(device).get("/beats").then().statusCode(200)
                .header("RateLimit-Policy", startsWith("\"reads\";"));
        // and a person's heartbeats are the person's
        given().auth().oauth2(admin).post("/beats").then().statusCode(200)
                .header("RateLimit", startsWith("\"heartbeats\";r=1;"));
        // while the device's stay spent
        given().auth().oauth2(device).post("/beats").then().statusCode(429);
    }

    @Test
    void withoutAValidTokenTheClientAddressPays() {
        // the token's own subject is never believed before its signature is: a forged token spends the address's budget
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJyYXRlLXZpY3RpbSJ9.";
        for (int left = 2; left >= 0; left--) {
            given().auth().oauth2(forged).post("/beats/notes").then().statusCode(401)
                    .header("RateLimit", startsWith("\"writes\";r=" + left + ";"));
        }
        given().auth().oauth2(forged).post("/beats/notes").then().statusCode(429);
    }

    @Test
    void fromAnUntrustedPeerXForwardedForIsIgnored() {
        given().header("X-Forwarded-For", "203.0.113.1").get("/web/sign-in.html").then().statusCode(200)
                .header("RateLimit-Policy", "\"sign-in\";q=2;w=60").header("RateLimit", startsWith("\"sign-in\";r=1;"));
        given().header("X-Forwarded-For", "203.0.113.2").get("/web/sign-in.html").then().statusCode(200)
                .header("RateLimit", startsWith("\"sign-in\";r=0;"));

        // a new "address" in the header buys nothing: the peer's own address has spent its budget
        Response refused = given().header("X-Forwarded-For", "203.0.113.3").get("/web/sign-in.html");

        refused.then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://cunjian.dev/problems/too-many-requests"))
                .body("violated-policies", equalTo(List.of("sign-in")));
        assertThat(refused.header("Retry-After")).isNotNull();
    }
}
