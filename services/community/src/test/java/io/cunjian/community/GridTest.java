package io.cunjian.community;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The grid (docs/adr/0039-the-grid.md): 十户联防 groups within the size policy (5–15 by default), a household in at
 * most one group even when two requests race for it, the 户长, and the village's teams.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "township-staff", regions = {"220303101"})
class GridTest {

    static final String VILLAGE = "220303101201";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica replica;

    @BeforeEach
    void village() {
        Fixtures.village(bootstrap, prefix, replica, VILLAGE);
    }

    @Test
    void aGroupIsFormedWithinTheSizeBoundsAndKeepsThemAsHouseholdsJoinAndLeave() {
        List<String> four = Fixtures.households(VILLAGE, 4);
        given().contentType(ContentType.JSON).body(Fixtures.groupBody(VILLAGE, four, null)).post("/api/v1/groups")
                .then().statusCode(400).body("errors.field", hasItem("householdIds"));

        List<String> five = new ArrayList<>(four);
        five.add(Fixtures.household(VILLAGE).getString("id"));
        String group = form(five, null).getString("id");
        String url = "/api/v1/groups/" + group;
        given().delete(url + "/households/" + five.get(0)).then().statusCode(409).body("errors.field", hasItem("householdId"));

        List<String> more = Fixtures.households(VILLAGE, 11);
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body("{\"householdId\":\"" + more.get(i) + "\"}").post(url + "/households")
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{\"householdId\":\"" + more.get(10) + "\"}").post(url + "/households")
                .then().statusCode(409).body("errors.field", hasItem("householdId"));
        given().delete(url + "/households/" + five.get(0)).then().statusCode(200);
        given().get(url).then().statusCode(200).body("householdIds.size()", equalTo(14));
    }

    @Test
    void aHouseholdIsInAtMostOneGroupEvenWhenTwoRequestsRaceForIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            List<String> shared = Fixtures.households(VILLAGE, 5);
            List<String> a = new ArrayList<>(shared);
            List<String> b = new ArrayList<>(shared);
            String auth = SignIn.bearer(Tokens.townshipStaff("220303101"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> both = List.of(
                        () -> given().header("Authorization", auth).contentType(ContentType.JSON)
                                .body(Fixtures.groupBody(VILLAGE, a, null)).post("/api/v1/groups").statusCode(),
                        () -> given().header("Authorization", auth).contentType(ContentType.JSON)
                                .body(Fixtures.groupBody(VILLAGE, b, null)).post("/api/v1/groups").statusCode());
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(both)) {
                    codes.add(f.get());
                }
                assertThat(codes).containsExactlyInAnyOrder(201, 409);
            } finally {
                pool.shutdown();
            }
            JsonPath groups = given().queryParam("village", VILLAGE).queryParam("size", 500).get("/api/v1/groups").then()
                    .statusCode(200).extract().jsonPath();
            List<String> grouped = groups.getList("items.householdIds.flatten()", String.class);
            for (String h : shared) {
                assertThat(grouped.stream().filter(h::equals).count()).as("groups holding " + h).isEqualTo(1);
            }
        }
    }

    @Test
    void theGroupsLeaderIsAPersonOfTheVillageNamedAgainstTheVersionSeen() {
        List<String> households = Fixtures.households(VILLAGE, 5);
        String leader = given().get("/api/v1/households/" + households.get(0)).then().extract().path("members[0].id");
        JsonPath group = form(households, null);
        String url = "/api/v1/groups/" + group.getString("id") + "/leader";
        String body = "{\"personId\":\"" + leader + "\"}";
        given().contentType(ContentType.JSON).body(body).put(url).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"" + group.getLong("version") + "\"").body(body).put(url)
                .then().statusCode(200).body("leaderPersonId", equalTo(leader));
        given().contentType(ContentType.JSON).header("If-Match", "\"" + group.getLong("version") + "\"").body(body).put(url)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "*").body("{\"personId\":\"" + java.util.UUID.randomUUID() + "\"}")
                .put(url).then().statusCode(400).body("errors.field", hasItem("personId"));
    }

    @Test
    void teamsTakeThePeopleOfTheVillageOnceEach() {
        String person = Fixtures.household(VILLAGE).getString("members[0].id");
        String url = "/api/v1/villages/" + VILLAGE + "/teams";
        String body = "{\"personId\":\"" + person + "\",\"role\":\"LEADER\"}";
        given().contentType(ContentType.JSON).body(body).post(url + "/VOLUNTEER/members").then().statusCode(200)
                .body("members.personId", hasItem(person));
        given().contentType(ContentType.JSON).body(body).post(url + "/VOLUNTEER/members").then().statusCode(409);
        given().contentType(ContentType.JSON).body(body).post(url + "/WORK/members").then().statusCode(200);
        given().delete(url + "/VOLUNTEER/members/" + person).then().statusCode(204);
        given().delete(url + "/VOLUNTEER/members/" + person).then().statusCode(404);
        // viewers read the grid (ids only); contractors do not
        given().header("Authorization", SignIn.bearer(Tokens.viewer("220303"))).get(url).then().statusCode(200)
                .body("members.size()", equalTo(1));
        given().header("Authorization", SignIn.bearer(Tokens.contractor(Tokens.CONTRACTOR_ID, "220303"))).get(url)
                .then().statusCode(403);
    }

    private static JsonPath form(List<String> households, String leader) {
        return given().contentType(ContentType.JSON).body(Fixtures.groupBody(VILLAGE, households, leader))
                .post("/api/v1/groups").then().statusCode(201).extract().jsonPath();
    }
}
