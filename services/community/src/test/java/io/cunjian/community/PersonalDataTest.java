package io.cunjian.community;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Households and people under PIPL (docs/adr/0038-personal-data-in-community.md): the minimum collected, no child
 * under 14, the region's staff only (another region's staff 403; viewers, contractors and devices nothing), and
 * erasure on request with its audit entry.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "township-staff", regions = {"220303100"})
class PersonalDataTest {

    static final String VILLAGE = "220303100201";
    static final String ELSEWHERE = "220382201201";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica replica;

    @BeforeEach
    void villages() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE);
        Fixtures.village(bootstrap, prefix, replica, ELSEWHERE);
    }

    @Test
    void aHouseholdIsRegisteredWithItsHeadAndTakesMembersOfFourteenAndOver() {
        JsonPath household = Fixtures.household(VILLAGE);
        assertThat(household.getList("members.relation")).containsExactly("HEAD");
        assertThat(household.getString("members[0].name")).isEqualTo("王户主");
        String url = "/api/v1/households/" + household.getString("id");

        given().contentType(ContentType.JSON).body("{\"name\":\"李秀英\",\"relation\":\"SPOUSE\",\"aged14OrOver\":true}")
                .post(url + "/members").then().statusCode(201).body("name", equalTo("李秀英")).body("relation", equalTo("SPOUSE"));
        given().get(url).then().statusCode(200).body("members.name", hasItem("李秀英"));
    }

    @Test
    void aChildUnderFourteenIsNotRecorded() {
        String url = "/api/v1/households/" + Fixtures.household(VILLAGE).getString("id");
        given().contentType(ContentType.JSON).body("{\"name\":\"王小宝\",\"relation\":\"CHILD\",\"aged14OrOver\":false}")
                .post(url + "/members").then().statusCode(400).body("errors.field", hasItem("aged14OrOver"));
        given().contentType(ContentType.JSON).body("{\"name\":\"王小宝\",\"relation\":\"CHILD\"}")
                .post(url + "/members").then().statusCode(400).body("errors.field", hasItem("aged14OrOver"));
        given().get(url).then().statusCode(200).body("members.size()", equalTo(1));
    }

    @Test
    void noFieldBeyondTheMinimumIsKept() {
        // an identity-card number or a phone is not part of the contract: sent anyway, it is dropped, never stored
        String body = Fixtures.householdBody(VILLAGE, "多余字段 1 号", 2, "赵户主")
                .replace("}", ",\"idCardNumber\":\"220303199001011234\",\"phone\":\"13800000000\"}");
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/households").then().statusCode(201)
                .extract().path("id");
        String stored = given().get("/api/v1/households/" + id).then().statusCode(200).extract().asString();
        assertThat(stored).doesNotContain("220303199001011234", "13800000000", "idCardNumber", "phone");
    }

    @Test
    void staffOfAnotherRegionAreRefusedAndViewersContractorsAndDevicesSeeNothing() {
        JsonPath household = Fixtures.household(VILLAGE);
        String url = "/api/v1/households/" + household.getString("id");
        String person = "/api/v1/people/" + household.getString("members[0].id");
        for (String token : List.of(Tokens.townshipStaff("220382201"), Tokens.districtAdmin("220382"),
                Tokens.viewer("220303"), Tokens.contractor(Tokens.CONTRACTOR_ID, "220303"), Tokens.device("220303"))) {
            String auth = SignIn.bearer(token);
            given().header("Authorization", auth).get(url).then().statusCode(403);
            given().header("Authorization", auth).get(person).then().statusCode(403);
            given().header("Authorization", auth).post(person + "/erasure").then().statusCode(403);
            given().header("Authorization", auth).queryParam("village", VILLAGE).get("/api/v1/households").then().statusCode(403);
            given().header("Authorization", auth).contentType(ContentType.JSON)
                    .body(Fixtures.householdBody(VILLAGE, "越权 1 号", 2, "孙户主")).post("/api/v1/households").then().statusCode(403);
        }
        given().get(person).then().statusCode(200).body("name", equalTo("王户主"));
    }

    @Test
    void erasureRemovesTheNameKeepsTheIdAndRecordsWhoWhatAndWhen() {
        JsonPath household = Fixtures.household(VILLAGE);
        String person = "/api/v1/people/" + household.getString("members[0].id");

        given().post(person + "/erasure").then().statusCode(200).body("name", nullValue()).body("erased", equalTo(true));
        given().get(person).then().statusCode(200).body("name", nullValue()).body("relation", equalTo("HEAD"));
        given().get("/api/v1/households/" + household.getString("id")).then().statusCode(200)
                .body("members[0].name", nullValue());
        JsonPath audit = given().get(person + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].action")).isEqualTo("ERASED");
        assertThat(audit.getString("items[0].fields")).isEqualTo("name");
        assertThat(audit.getString("items[0].actor")).isNotBlank();
        assertThat(audit.getString("items[0].at")).isNotBlank();

        // a second request changes nothing and adds no entry
        given().post(person + "/erasure").then().statusCode(200).body("name", nullValue());
        given().get(person + "/audit").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void aHouseholdOfAVillageNobodyRegisteredIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Fixtures.householdBody("220303100999", "无此村 1 号", 2, "钱户主"))
                .post("/api/v1/households").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(422), equalTo(503)));
        given().contentType(ContentType.JSON).body(Fixtures.householdBody("2203031", "无此村 1 号", 2, "钱户主"))
                .post("/api/v1/households").then().statusCode(400).body("errors.field", hasItem("villageCode"));
    }

    @Test
    void oneHouseholdPerAddressInAVillage() {
        String body = Fixtures.householdBody(VILLAGE, "重复门牌 8 号", 4, "周户主");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/households").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/households").then().statusCode(409)
                .body("errors.field", hasItem("address"));
    }
}
