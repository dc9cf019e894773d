package io.cunjian.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Makes every RestAssured request of a test class carry a bearer token (call from @BeforeAll /
 * @AfterAll). A request that sets its own Authorization header keeps it: that is how a test acts
 * as another caller once.
 */
public final class SignIn {

    private static final Filter NOBODY = (request, response, ctx) -> ctx.next(request, response);

    private SignIn() {
    }

    public static void as(String token) {
        out();
        // A filter, not a request specification: a specification would pin the port the app had when
        // it was built, and each Quarkus test app gets a new random port.
        RestAssured.filters((request, response, ctx) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", bearer(token));
            }
            return ctx.next(request, response);
        });
    }

    /** The Authorization header value for one request as another caller: {@code .header("Authorization", bearer(t))}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static void out() {
        RestAssured.replaceFiltersWith(NOBODY);
    }
}
