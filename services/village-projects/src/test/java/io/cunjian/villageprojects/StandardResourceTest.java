package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Standard versions: the illustrative default is published at start; drafts edit; publishing freezes and publishes. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"47"})
class StandardResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;

    static final String ITEMS = "[{\"code\":\"village-plan\",\"kind\":\"HAVE\",\"labelZh\":\"有村庄规划\",\"labelEn\":\"A village plan\",\"measure\":\"INSPECTION\"},"
            + "{\"code\":\"lighting\",\"kind\":\"HAVE\",\"labelZh\":\"有路灯\",\"labelEn\":\"Lighting\",\"measure\":\"WORK_QUANTITY\",\"countsGroups\":[\"LIGHTING\"]}]";

    static String draft(String id, String scope, String items) {
        return "{\"id\":\"" + id + "\",\"scope\":\"" + scope + "\",\"nameZh\":\"测试标准\",\"nameEn\":\"Test standard\",\"illustrative\":false"
                + (items == null ? "" : ",\"items\":" + items) + "}";
    }

    @Test
    void theIllustrativeDefaultIsPublishedOnceWithItsEvent() {
        given().get("/api/v1/standards/jilin-illustrative-v1").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("illustrative", equalTo(true)).body("scope", equalTo("22"))
                .body("items.size()", equalTo(15))
                .body("items.findAll { it.kind == 'HAVE' }.size()", equalTo(9))
                .body("items.findAll { it.kind == 'NONE' }.size()", equalTo(6))
                .body("items.find { it.code == 'roads-and-drainage' }.countsGroups", equalTo(List.of("ROAD")))
                .body("items.find { it.code == 'camera-coverage' }.measure", equalTo("CAMERA_COVERAGE"));
        // viewers and contractors read standards too
        given().header("Authorization", SignIn.bearer(Tokens.contractor(Tokens.CONTRACTOR_ID, "220382")))
                .get("/api/v1/standards?covering=220382105201").then().statusCode(200)
                .body("items.id", hasItem("jilin-illustrative-v1"));

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "village.events",
                "standard:jilin-illustrative-v1", 1);
        assertThat(events).hasSize(1).extracting(TopicReader.Event::ceType).containsExactly("cunjian.standard.published.v1");
        JsonNode data = EventsOnTopic.data(events.get(0));
        assertThat(data.get("illustrative").asBoolean()).isTrue();
        assertThat(data.get("items")).hasSize(15);
    }

    @Test
    void aDraftIsEditedThenPublishedAndFrozen() {
        String id = "test-draft-edit";
        given().contentType(ContentType.JSON).body(draft(id, "47", "[]")).post("/api/v1/standards").then().statusCode(201)
                .header("ETag", "\"0\"").body("status", equalTo("DRAFT"));
        assertThat(EventsOnTopic.outboxRows(db, "standard:" + id)).as("drafts publish nothing").isZero();

        String content = "{\"nameZh\":\"测试标准二\",\"nameEn\":\"Test standard 2\",\"illustrative\":true,\"items\":" + ITEMS + "}";
        given().contentType(ContentType.JSON).body(content).put("/api/v1/standards/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(content).put("/api/v1/standards/" + id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(content).put("/api/v1/standards/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("items.code", equalTo(List.of("village-plan", "lighting")));

        given().header("If-Match", "\"1\"").post("/api/v1/standards/" + id + "/publish").then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("test-district-admin"));

        // frozen: an edit and a second publication are refused, naming the status
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").header("Accept-Language", "en").body(content)
                .put("/api/v1/standards/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("PUBLISHED")).body("errors.field", hasItem("status"))
                .body(equalTo("{\"type\":\"https://cunjian.dev/problems/conflict\",\"title\":\"Conflict with the current state of the resource\","
                        + "\"status\":409,\"detail\":\"the standard version " + id + " is published: it can be neither edited nor published "
                        + "again; draft a new version based on it\",\"instance\":\"/api/v1/standards/" + id + "\",\"errors\":[{\"field\":"
                        + "\"status\",\"message\":\"a published version cannot be changed\"}],\"currentState\":\"PUBLISHED\"}"));
        given().header("If-Match", "\"2\"").post("/api/v1/standards/" + id + "/publish").then().statusCode(409);

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "village.events", "standard:" + id, 1);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.standard.published.v1");
        JsonNode data = EventsOnTopic.data(events.get(0));
        assertThat(data.get("scope").asText()).isEqualTo("47");
        assertThat(data.get("items").get(1).get("countsGroups").get(0).asText()).isEqualTo("LIGHTING");
        assertThat(EventsOnTopic.outboxRows(db, "standard:" + id)).isEqualTo(1);
    }

    @Test
    void aNewVersionStartsFromTheOneItRevises() {
        String id = "test-based-on-default";
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"scope\":\"47\",\"basedOn\":\"jilin-illustrative-v1\",\"nameZh\":\"新版\",\"nameEn\":\"Next\",\"illustrative\":true}")
                .post("/api/v1/standards").then().statusCode(201).body("basedOn", equalTo("jilin-illustrative-v1"))
                .body("items.size()", equalTo(15));
        given().get("/api/v1/standards?covering=47&status=DRAFT").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.id", not(hasItem("jilin-illustrative-v1")));
    }

    @Test
    void badStandardsAreRefusedNamingTheFieldAndChangeNothing() {
        // unpublishable items: a group counted twice, a work item without groups
        String twice = "[{\"code\":\"a\",\"kind\":\"HAVE\",\"labelZh\":\"甲\",\"labelEn\":\"A\",\"measure\":\"WORK_QUANTITY\",\"countsGroups\":[\"ROAD\"]},"
                + "{\"code\":\"b\",\"kind\":\"HAVE\",\"labelZh\":\"乙\",\"labelEn\":\"B\",\"measure\":\"WORK_QUANTITY\",\"countsGroups\":[\"ROAD\"]},"
                + "{\"code\":\"c\",\"kind\":\"NONE\",\"labelZh\":\"丙\",\"labelEn\":\"C\",\"measure\":\"WORK_QUANTITY\"}]";
        given().contentType(ContentType.JSON).body(draft("test-bad-items", "47", twice)).post("/api/v1/standards").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("items[1].countsGroups", "items[2].countsGroups"));
        given().contentType(ContentType.JSON).body(draft("test-bad-kind", "47",
                "[{\"code\":\"a\",\"kind\":\"MAYBE\",\"labelZh\":\"甲\",\"labelEn\":\"A\",\"measure\":\"INSPECTION\"}]"))
                .post("/api/v1/standards").then().statusCode(400).body("errors.field", hasItem("items[0].kind"));
        given().contentType(ContentType.JSON).body(draft("Not An Id", "47", "[]")).post("/api/v1/standards").then()
                .statusCode(400).body("errors.field", hasItem("id"));
        given().contentType(ContentType.JSON).body(draft("test-bad-scope", "4", "[]")).post("/api/v1/standards").then()
                .statusCode(400).body("errors.field", hasItem("scope"));
        given().contentType(ContentType.JSON).body(draft("test-no-basis", "47", null).replace("}", ",\"basedOn\":\"nope\"}"))
                .post("/api/v1/standards").then().statusCode(400).body("errors.field", hasItem("basedOn"));
        given().get("/api/v1/standards/test-bad-items").then().statusCode(404);
        given().get("/api/v1/standards/test-no-basis").then().statusCode(404);

        // an empty draft exists but cannot be published
        given().contentType(ContentType.JSON).body(draft("test-empty", "47", "[]")).post("/api/v1/standards").then().statusCode(201);
        given().header("If-Match", "\"0\"").post("/api/v1/standards/test-empty/publish").then().statusCode(400)
                .body("errors.field", hasItem("items"));
        given().get("/api/v1/standards/test-empty").then().body("status", equalTo("DRAFT"));
        assertThat(EventsOnTopic.outboxRows(db, "standard:test-empty")).isZero();
    }

    @Test
    void onlyDistrictAdminsWhoseRegionsCoverTheScopeWriteStandards() {
        // the province's standard is out of reach of a county's admin and of township staff
        given().header("Authorization", SignIn.bearer(Tokens.districtAdmin("4701"))).contentType(ContentType.JSON)
                .body(draft("test-county-admin", "47", "[]")).post("/api/v1/standards").then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.townshipStaff("47"))).contentType(ContentType.JSON)
                .body(draft("test-township", "47", "[]")).post("/api/v1/standards").then().statusCode(403);
        given().header("Authorization", SignIn.bearer(Tokens.districtAdmin("47"))).header("If-Match", "\"0\"")
                .post("/api/v1/standards/jilin-illustrative-v1/publish").then().statusCode(403);
        given().get("/api/v1/standards/test-county-admin").then().statusCode(404);
    }
}
