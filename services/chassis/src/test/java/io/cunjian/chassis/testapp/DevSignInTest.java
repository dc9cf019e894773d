package io.cunjian.chassis.testapp;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The development sign-in (io.cunjian.chassis.web.DevSignIn) as production and every service get it by default: absent. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DevSignInTest {

    @Test
    void thereIsNoSignInAndTheSignInPageOffersOnlyAToken() {
        given().get("/dev/sign-in").then().statusCode(404);
        given().post("/dev/sign-in/demo.viewer").then().statusCode(404);
        // the shared page is served, and shows the token field when the list is 404 (sign-in.js)
        given().get("/web/sign-in.html").then().statusCode(200)
                // the pages run only their service's own scripts (ADR 0011)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self';"));
        given().get("/web/cunjian.js").then().statusCode(200);
    }
}
