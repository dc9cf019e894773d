package io.cunjian.chassis.testapp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.infrastructure.TokenMinter;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The token contract end to end on the test-only API: who gets 200/201, 401, 403 and 404. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ChassisSecurityTest {

    static final String VILLAGE = "220303100001";
    static final String OTHER_CONTRACTOR = "91220300MA14WXYZ9K";

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static long create(String regionCode, String contractorId) {
        return as(Tokens.districtAdmin("220303")).body(new ThingsResource.NewThing(regionCode, contractorId))
                .post("/things").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void healthMetricsOpenApiAndSwaggerUiArePublicEvenWithABadToken() {
        for (String path : new String[] { "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/" }) {
            given().get(path).then().statusCode(200);
            given().auth().oauth2("not-a-token").get(path).then().statusCode(200);
        }
    }

    @Test
    void refusedTokensGetAProblemAndABearerChallenge() {
        for (String token : new String[] { Tokens.expired("viewer", "22"), Tokens.algNone("viewer", "22"),
                Tokens.signedByAnotherKey("viewer", "22"), Tokens.otherIssuer("viewer", "22"),
                Tokens.withoutSubject("viewer", "22"), Tokens.hs256WithThePublicKey("viewer", "22"), "not-a-token" }) {
            as(token).get("/things/in/220303").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType("application/problem+json")
                    .body("status", is(401), "type", equalTo("https://cunjian.dev/problems/unauthorized"));
        }
    }

    /** A subject longer than an actor column could record is refused at sign-in, not at the first write (500). */
    @Test
    void aSubjectTooLongToRecordIs401AndOneAtTheBoundActs() {
        TokenMinter.Claims admin = Tokens.claims("district-admin", null, "220303");
        String atBound = "s".repeat(Bounds.ACTOR);
        String pastBound = atBound + "s";
        as(Tokens.of(withSubject(admin, pastBound))).body(new ThingsResource.NewThing(VILLAGE, null)).post("/things")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/unauthorized"));
        as(Tokens.of(withSubject(admin, atBound))).body(new ThingsResource.NewThing(VILLAGE, null)).post("/things")
                .then().statusCode(201);
    }

    private static TokenMinter.Claims withSubject(TokenMinter.Claims c, String subject) {
        return new TokenMinter.Claims(c.issuer(), subject, c.roles(), c.regions(), c.contractorId(), c.issuedAt(), c.expiresAt());
    }

    /** What an endpoint takes is told to callers only: without a valid token a wrong method or media type is a 401. */
    @Test
    void withoutAValidTokenAWrongMethodOrMediaTypeIs401First() {
        for (String token : new String[] { null, Tokens.expired("district-admin", "220303"), "not-a-token" }) {
            RequestSpecification anyone = token == null ? given() : given().auth().oauth2(token);
            anyone.contentType("text/plain").body("x").post("/things").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                    .body("type", equalTo("https://cunjian.dev/problems/unauthorized"));
            (token == null ? given() : given().auth().oauth2(token)).delete("/things/in/220303").then().statusCode(401);
            (token == null ? given() : given().auth().oauth2(token)).accept("application/xml").get("/things/1").then().statusCode(401);
        }
        // a caller is told (validation before authorization, ADR 0013), whatever its role
        for (String token : new String[] { Tokens.districtAdmin("220303"), Tokens.device("49") }) {
            given().auth().oauth2(token).contentType("text/plain").body("x").post("/things").then().statusCode(415)
                    .contentType("application/problem+json").body("type", equalTo("https://cunjian.dev/problems/unsupported-media-type"));
            given().auth().oauth2(token).delete("/things/in/220303").then().statusCode(405).header("Allow", equalTo("GET, HEAD, OPTIONS"));
            given().auth().oauth2(token).accept("application/xml").get("/things/1").then().statusCode(406);
        }
    }

    @Test
    void staffActInTheirRegionsOnly() {
        long id = create(VILLAGE, null);

        as(Tokens.viewer("2203")).get("/things/" + id).then().statusCode(200).body("regionCode", equalTo(VILLAGE));
        as(Tokens.townshipStaff("220303100")).get("/things/in/220303100").then().statusCode(200);
        as(Tokens.townshipStaff("220322100")).get("/things/" + id).then().statusCode(403)
                .contentType("application/problem+json").body("status", is(403), "type", equalTo("https://cunjian.dev/problems/forbidden"));
        as(Tokens.townshipStaff("220303100")).get("/things/in/220303").then().statusCode(403);
        as(Tokens.viewer("220303")).body(new ThingsResource.NewThing(VILLAGE, null)).post("/things").then().statusCode(403);
        as(Tokens.townshipStaff("220303")).body(new ThingsResource.NewThing(VILLAGE, null)).put("/things/" + id)
                .then().statusCode(403);
        as(Tokens.districtAdmin("220322")).delete("/things/" + id).then().statusCode(403);
        as(Tokens.districtAdmin("22")).delete("/things/" + id).then().statusCode(204);
    }

    @Test
    void aContractorSeesItsOwnWorkAndNotEvenTheExistenceOfOthers() {
        long mine = create(VILLAGE, Tokens.CONTRACTOR_ID);

        as(Tokens.contractor(Tokens.CONTRACTOR_ID)).get("/things/" + mine).then().statusCode(200);
        as(Tokens.contractor(Tokens.CONTRACTOR_ID)).post("/things/" + mine + "/start").then().statusCode(200);
        as(Tokens.contractor(OTHER_CONTRACTOR, "220303")).get("/things/" + mine).then().statusCode(404);
        as(Tokens.contractor(OTHER_CONTRACTOR, "220303")).post("/things/" + mine + "/start").then().statusCode(404);
        as(Tokens.viewer("220303")).post("/things/" + mine + "/start").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void meShowsTheCallerAsTheServiceReadsTheToken() {
        as(Tokens.contractor(Tokens.CONTRACTOR_ID, "220303", "220322")).get("/me").then().statusCode(200)
                .body("subject", equalTo("test-contractor"), "roles", equalTo(java.util.List.of("contractor")),
                        "regions", equalTo(java.util.List.of("220303", "220322")), "contractorId", equalTo(Tokens.CONTRACTOR_ID));
        given().get("/me").then().statusCode(401);
    }

    @Test
    void devicesReachNothingButWhatTheyAreFor() {
        as(Tokens.device("220303")).get("/things/in/220303").then().statusCode(403);
    }
}
