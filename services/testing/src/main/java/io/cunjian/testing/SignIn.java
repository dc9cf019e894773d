package io.cunjian.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** Makes every RestAssured request of a test class carry a bearer token (call from @BeforeAll / @AfterAll). */
public final class SignIn {

    private SignIn() {
    }

    public static void as(String token) {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    public static void out() {
        RestAssured.requestSpecification = null;
    }
}
