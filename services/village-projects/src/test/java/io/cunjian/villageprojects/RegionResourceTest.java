package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.events.EventSchemas;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The worked example of the chassis: regions, their rules, and the events they publish. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"21", "22", "23", "99"})
class RegionResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;

    static void register(String code, String name) {
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}")
                .post("/api/v1/regions").then().statusCode(201)
                .header("Location", containsString("/api/v1/regions/" + code));
    }

    /** The JSON literal null as a body was a 500 (found by the end-to-end suite's hostile input): a 400 like a missing body. */
    @Test
    void aNullBodyIsAValidationProblem() {
        given().contentType(ContentType.JSON).body("null").post("/api/v1/regions").then().statusCode(400)
                .body("type", containsString("validation"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("null").put("/api/v1/regions/22").then().statusCode(400)
                .body("type", containsString("validation"));
    }

    @Test
    void registersTheHierarchyAndPublishesEachRegionOnce() throws Exception {
        register("22", "吉林省");
        register("2203", "四平市");
        register("220382", "双辽市");

        given().get("/api/v1/regions/220382").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("双辽市")).body("level", equalTo("COUNTY")).body("parentCode", equalTo("2203"));
        given().get("/api/v1/regions/2203/children").then().statusCode(200).body("code", hasItem("220382"));
        given().queryParam("name", "双辽").get("/api/v1/regions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].code", equalTo("220382"));

        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, prefix + "village.events", Duration.ofSeconds(20),
                read -> read.stream().anyMatch(e -> "220382".equals(e.key())));
        TopicReader.Event event = events.stream().filter(e -> "220382".equals(e.key())).findFirst().orElseThrow();
        assertThat(events.stream().filter(e -> "220382".equals(e.key()))).hasSize(1);
        assertThat(event.ceType()).isEqualTo("cunjian.region.registered.v1");
        assertThat(event.ceSource()).isEqualTo("/cunjian/village-projects");
        assertThat(event.ceSubject()).isEqualTo("220382");
        assertThat(event.headers()).containsEntry("ce_specversion", "1.0").containsEntry("content-type", "application/json");
        JsonNode data = new ObjectMapper().readTree(event.data());
        assertThat(EventSchemas.problems(event.ceType(), data)).isEmpty();
        assertThat(data.get("parentCode").asText()).isEqualTo("2203");
    }

    @Test
    void refusesACodeBelowAnUnregisteredParentAndChangesNothing() {
        given().contentType(ContentType.JSON).body("{\"code\":\"990101\",\"name\":\"无名县\"}")
                .post("/api/v1/regions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
        given().get("/api/v1/regions/990101").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAMalformedCodeNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"code\":\"22030\",\"name\":\"五位\"}")
                .post("/api/v1/regions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
    }

    @Test
    void onlyADistrictAdminOfTheRegionMayRegisterIt() {
        given().header("Authorization", SignIn.bearer(Tokens.viewer("24"))).contentType(ContentType.JSON).body("{\"code\":\"24\",\"name\":\"某省\"}")
                .post("/api/v1/regions").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", SignIn.bearer(Tokens.districtAdmin("25"))).contentType(ContentType.JSON).body("{\"code\":\"24\",\"name\":\"某省\"}")
                .post("/api/v1/regions").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", SignIn.bearer(Tokens.viewer("24"))).get("/api/v1/regions/24").then().statusCode(404);
    }

    @Test
    void registeringTwiceIsAConflict() {
        register("23", "黑龙江省");
        given().contentType(ContentType.JSON).body("{\"code\":\"23\",\"name\":\"黑龙江省\"}")
                .post("/api/v1/regions").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void renameNeedsTheCurrentVersion() {
        register("21", "辽宁");
        given().contentType(ContentType.JSON).body("{\"name\":\"辽宁省\"}")
                .put("/api/v1/regions/21").then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"name\":\"辽宁省\"}")
                .put("/api/v1/regions/21").then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\":\"辽宁省\"}")
                .put("/api/v1/regions/21").then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("辽宁省"));
    }
}
