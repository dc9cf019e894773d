package io.cunjian.chassis.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Per-address limits behind a trusted proxy: the test client plays the proxy (ADR 0025). */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(TrustedProxyTest.BehindAProxy.class)
class TrustedProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cunjian.rate-limit.sign-in.quota", "2", "cunjian.rate-limit.sign-in.window", "60s",
                    "cunjian.rate-limit.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    @Test
    void fromATrustedProxyEachForwardedClientHasItsOwnBudgetAndCannotForgeAnother() {
        given().header("X-Forwarded-For", "198.51.100.7").get("/web/sign-in.html").then().statusCode(200)
                .header("RateLimit", startsWith("\"sign-in\";r=1;"));
        given().header("X-Forwarded-For", "198.51.100.7").get("/web/sign-in.html").then().statusCode(200)
                .header("RateLimit", startsWith("\"sign-in\";r=0;"));
        given().header("X-Forwarded-For", "198.51.100.7").get("/web/sign-in.html").then().statusCode(429);

        // another client behind the same proxy has its own budget
        given().header("X-Forwarded-For", "198.51.100.8").get("/web/sign-in.html").then().statusCode(200)
                .header("RateLimit", startsWith("\"sign-in\";r=1;"));
        // a client that writes a made-up address in front is still itself: the proxy appended the real one
        given().header("X-Forwarded-For", "192.0.2.99, 198.51.100.7").get("/web/sign-in.html").then().statusCode(429);
        // hops through several trusted proxies are skipped from the right
        given().header("X-Forwarded-For", "198.51.100.7, 127.0.0.5").get("/web/sign-in.html").then().statusCode(429);
    }
}
