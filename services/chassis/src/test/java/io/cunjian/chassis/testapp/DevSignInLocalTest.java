package io.cunjian.chassis.testapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.DevSignInProfile;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The development sign-in as the local stack turns it on (with its key): the demo users, and
 * tokens the service accepts.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@TestProfile(DevSignInProfile.class)
class DevSignInLocalTest {

    @Test
    void theDemoUsersSignInWithTokensTheServiceAccepts() {
        given().get("/dev/sign-in").then().statusCode(200)
                .body("id", hasItems("demo.admin", "demo.staff", "demo.viewer", "demo.contractor", "demo.device"))
                .body("find { it.id == 'demo.contractor' }.contractorId", equalTo("91220382MA14CJ0L7E"));
        String token = given().post("/dev/sign-in/demo.contractor").then().statusCode(200).extract().path("token");
        given().auth().oauth2(token).get("/me").then().statusCode(200)
                .body("subject", equalTo("demo.contractor"))
                .body("roles", equalTo(java.util.List.of("contractor")))
                .body("regions", equalTo(java.util.List.of("220382")))
                .body("contractorId", equalTo("91220382MA14CJ0L7E"));
        given().post("/dev/sign-in/nobody").then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("user"));
    }
}
