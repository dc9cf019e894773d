package io.cunjian.community;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.BoundsContract;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RequestBounds;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every bounded field of every community request body, at its bound and one past it ({@link BoundsContract}); this
 * class only sets each operation up in a village of its own: households, a group, a person.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"43"})
class CommunityBoundsTest extends BoundsContract {

    static final String VILLAGE = "430101001001";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

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

    @Override
    protected Attempt attempt(RequestBounds.Bound bound) {
        return switch (bound.operation()) {
            case "POST /api/v1/households" -> {
                Attempt a = new Attempt("POST", "/api/v1/households", Map.of(),
                        json(Fixtures.householdBody(VILLAGE, address(20), 3, "边界户主")), () -> total("/api/v1/households"));
                yield switch (bound.field()) {
                    case "villageCode" -> a.atBound(JSON.textNode(VILLAGE));
                    case "address" -> a.atBound(JSON.textNode(address(100)));
                    default -> a;
                };
            }
            case "POST /api/v1/households/{id}/members" -> {
                String url = "/api/v1/households/" + Fixtures.household(VILLAGE).getString("id");
                yield new Attempt("POST", url + "/members", Map.of(),
                        json("{\"name\":\"边界成员\",\"relation\":\"SPOUSE\",\"aged14OrOver\":true}"),
                        () -> given().get(url).then().statusCode(200).extract().path("members.size()"));
            }
            case "POST /api/v1/groups" -> {
                Attempt a = new Attempt("POST", "/api/v1/groups", Map.of(),
                        json(Fixtures.groupBody(VILLAGE, Fixtures.households(VILLAGE, 5), null)), () -> total("/api/v1/groups"));
                yield switch (bound.field()) {
                    case "villageCode" -> a.atBound(JSON.textNode(VILLAGE));
                    case "leaderPersonId" -> a.atBound(JSON.textNode(person()));
                    case "householdIds" -> a.noAtBound("the group-size policy (default 5–15 households) refuses a group of "
                            + "100 whatever the contract's list bound; past it the list is still refused as too long");
                    default -> a;
                };
            }
            case "DELETE /api/v1/groups/{id}/households/{householdId}" -> {
                List<String> households = Fixtures.households(VILLAGE, 6); // one can leave without going under 5
                String url = "/api/v1/groups/" + given().contentType("application/json")
                        .body(Fixtures.groupBody(VILLAGE, households, null)).post("/api/v1/groups").then().statusCode(201)
                        .extract().path("id");
                yield new Attempt("DELETE", url + "/households/" + households.get(0), Map.of(), null, () -> version(url));
            }
            case "POST /api/v1/people/{id}/erasure" -> {
                String person = person();
                yield new Attempt("POST", "/api/v1/people/" + person + "/erasure", Map.of(), null,
                        () -> given().get("/api/v1/people/" + person).then().statusCode(200).extract().asString());
            }
            case "DELETE /api/v1/villages/{code}/teams/{kind}/members/{personId}" -> {
                String url = "/api/v1/villages/" + VILLAGE + "/teams";
                String person = person();
                given().contentType("application/json").body("{\"personId\":\"" + person + "\",\"role\":\"MEMBER\"}")
                        .post(url + "/WORK/members").then().statusCode(200);
                yield new Attempt("DELETE", url + "/WORK/members/" + person, Map.of(), null,
                        () -> given().get(url).then().statusCode(200).extract().asString());
            }
            // reads: the lists filtered by a village code as long as a code is, and real ids (UUIDs, 36)
            case "GET /api/v1/groups" -> Attempt.read("/api/v1/groups?village=" + VILLAGE + "&page=0&size=10");
            case "GET /api/v1/households" -> Attempt.read("/api/v1/households?village=" + VILLAGE + "&page=0&size=10");
            case "GET /api/v1/groups/{id}" -> Attempt.read(group());
            case "GET /api/v1/households/{id}" -> Attempt.read("/api/v1/households/" + Fixtures.household(VILLAGE).getString("id"));
            case "GET /api/v1/people/{id}" -> Attempt.read("/api/v1/people/" + person());
            case "GET /api/v1/people/{id}/audit" -> Attempt.read("/api/v1/people/" + person() + "/audit");
            case "GET /api/v1/villages/{code}/teams" -> Attempt.read("/api/v1/villages/" + VILLAGE + "/teams");
            case "POST /api/v1/groups/{id}/households" -> {
                String url = group();
                yield new Attempt("POST", url + "/households", Map.of(),
                        json("{\"householdId\":\"" + Fixtures.household(VILLAGE).getString("id") + "\"}"), () -> version(url));
            }
            case "PUT /api/v1/groups/{id}/leader" -> {
                String url = group();
                yield new Attempt("PUT", url + "/leader", Map.of("If-Match", "*"),
                        json("{\"personId\":\"" + Fixtures.household(VILLAGE).getString("members[0].id") + "\"}"), () -> version(url));
            }
            case "POST /api/v1/villages/{code}/teams/{kind}/members" -> {
                String url = "/api/v1/villages/" + VILLAGE + "/teams";
                yield new Attempt("POST", url + "/WORK/members", Map.of(),
                        json("{\"personId\":\"" + Fixtures.household(VILLAGE).getString("members[0].id") + "\",\"role\":\"MEMBER\"}"),
                        () -> given().get(url).then().statusCode(200).extract().path("members.size()"));
            }
            default -> throw new AssertionError(bound.operation() + " has bounded fields this test cannot set up: add it");
        };
    }

    private static String group() {
        List<String> households = Fixtures.households(VILLAGE, 5);
        return "/api/v1/groups/" + given().contentType("application/json").body(Fixtures.groupBody(VILLAGE, households, null))
                .post("/api/v1/groups").then().statusCode(201).extract().path("id");
    }

    /** A person of the village: the 户主 of a new household. */
    private static String person() {
        return Fixtures.household(VILLAGE).getString("members[0].id");
    }

    private static Object version(String url) {
        return given().get(url).then().statusCode(200).extract().path("version");
    }

    /** A fresh address of exactly {@code length} characters (one household per address). */
    private static String address(int length) {
        String head = "边界街" + ADDRESS.getAndIncrement() + "号";
        return head + "甲".repeat(length - head.length());
    }

    private static Object total(String url) {
        return given().queryParam("village", VILLAGE).queryParam("size", 1).get(url).then().statusCode(200)
                .extract().path("total");
    }

    private static ObjectNode json(String body) {
        try {
            return (ObjectNode) MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
