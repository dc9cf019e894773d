package io.cunjian.workorders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Contractors: registered by district admins with a checked credit code, updated with If-Match. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class ContractorResourceTest {

    @Test
    void registersReadsListsAndUpdatesAContractor() {
        String id = Fixtures.contractorId("0001");
        String body = "{\"id\":\"" + id + "\",\"name\":\"梨树县某照明工程有限公司\",\"contact\":{\"name\":\"王工\",\"phone\":\"13904340000\"}}";
        given().contentType(ContentType.JSON).header("Idempotency-Key", "c-" + id).body(body).post("/api/v1/contractors")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", org.hamcrest.Matchers.endsWith("/api/v1/contractors/" + id))
                .body("active", equalTo(true)).body("contact.phone", equalTo("13904340000"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "c-" + id).body(body).post("/api/v1/contractors")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/contractors").then().statusCode(409)
                .contentType("application/problem+json");

        given().get("/api/v1/contractors/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("梨树县某照明工程有限公司"));
        given().queryParam("name", "照明").get("/api/v1/contractors").then().statusCode(200).body("items.id", hasItem(id));

        String update = "{\"name\":\"梨树县某照明工程有限公司\",\"active\":false}";
        given().contentType(ContentType.JSON).body(update).put("/api/v1/contractors/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(update).put("/api/v1/contractors/" + id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update).put("/api/v1/contractors/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("active", equalTo(false)).body("contact", nullValue());
        given().queryParam("active", "false").get("/api/v1/contractors").then().body("items.id", hasItem(id));
    }

    @Test
    void refusesBadCodesAndOtherRoles() {
        given().contentType(ContentType.JSON).body("{\"id\":\"91220300MA14ABCD1Y\",\"name\":\"校验码错\"}")
                .post("/api/v1/contractors").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
        given().contentType(ContentType.JSON).body("{\"id\":\"123\",\"name\":\"短\"}")
                .post("/api/v1/contractors").then().statusCode(400).body("errors.field", hasItem("id"));
        given().contentType(ContentType.JSON).body("{\"id\":\"" + Fixtures.contractorId("0002") + "\",\"name\":\"\"}")
                .post("/api/v1/contractors").then().statusCode(400).body("errors.field", hasItem("name"));
        given().get("/api/v1/contractors/" + Fixtures.contractorId("0002")).then().statusCode(404);

        String id = Fixtures.contractor(Fixtures.contractorId("0003"), "某公司");
        String other = Fixtures.contractor(Fixtures.contractorId("0004"), "另一公司");
        given().header("Authorization", SignIn.bearer(Tokens.townshipStaff("46"))).contentType(ContentType.JSON)
                .body("{\"id\":\"" + Fixtures.contractorId("0005") + "\",\"name\":\"员工建的\"}").post("/api/v1/contractors")
                .then().statusCode(403);
        // a contractor reads its own record, and no other
        given().header("Authorization", SignIn.bearer(Tokens.contractor(id, "46"))).get("/api/v1/contractors/" + id)
                .then().statusCode(200);
        given().header("Authorization", SignIn.bearer(Tokens.contractor(id, "46"))).get("/api/v1/contractors/" + other)
                .then().statusCode(404);
        given().header("Authorization", SignIn.bearer(Tokens.contractor(id, "46"))).get("/api/v1/contractors")
                .then().statusCode(403);
    }
}
