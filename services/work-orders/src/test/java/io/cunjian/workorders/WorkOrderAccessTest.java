package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.as;
import static io.cunjian.workorders.WorkOrderApi.completion;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.cunjian.workorders.WorkOrderApi.photo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignIn;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may do what: contractors see only their own orders (others are 404) and never verify; viewers read; regions bound staff. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class WorkOrderAccessTest {

    static final String CATEGORY = "wo-test-lamp";
    static final String MINE = Fixtures.contractorId("0201");
    static final String THEIRS = Fixtures.contractorId("0202");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;
    @Inject
    DataSource db;

    @BeforeEach
    void reference() {
        Fixtures.category(bootstrap, prefix, categories, CATEGORY, "LAMP", "盏");
        Fixtures.contractor(MINE, "我的公司");
        Fixtures.contractor(THEIRS, "别人的公司");
        Fixtures.village(bootstrap, prefix, villages, "460102001001");
        Fixtures.village(bootstrap, prefix, villages, "460202001001");
    }

    String assignedTo(String village, String contractor) {
        String id = create(village, CATEGORY);
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + contractor + "\"}").statusCode(200);
        return id;
    }

    @Test
    void anotherContractorsOrderDoesNotExistAndAContractorNeverVerifies() {
        String village = "460102001001";
        String mine = Tokens.contractor(MINE, "46");
        String theirs = Tokens.contractor(THEIRS, "46");
        String id = assignedTo(village, MINE);

        // answered as an address nothing answers at: nothing tells the contractor the order exists
        given().header("Authorization", SignIn.bearer(theirs)).header("Accept-Language", "en").get("/api/v1/work-orders/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.equalTo("{\"type\":\"https://cunjian.dev/problems/not-found\",\"title\":\"Resource not found\","
                        + "\"status\":404,\"detail\":\"There is no resource at /api/v1/work-orders/" + id + ".\","
                        + "\"instance\":\"/api/v1/work-orders/" + id + "\"}"));
        given().header("Authorization", SignIn.bearer(theirs)).get("/api/v1/work-orders/" + id + "/history").then().statusCode(404);
        act(theirs, id, "start", null).statusCode(404);
        given().header("Authorization", SignIn.bearer(theirs)).multiPart("file", "x.jpg", WorkOrderApi.JPEG, "image/jpeg")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(404);

        act(mine, id, "start", null).statusCode(200);
        String photo = photo(mine, id);
        given().header("Authorization", SignIn.bearer(theirs)).get("/api/v1/work-orders/" + id + "/photos/" + photo).then()
                .statusCode(404);
        act(theirs, id, "complete", completion("1", photo)).statusCode(404);
        act(mine, id, "complete", completion("1", photo)).statusCode(200);
        act(theirs, id, "verify", null).statusCode(404);
        act(mine, id, "verify", null).statusCode(403).contentType("application/problem+json");
        act(mine, id, "reject", "{\"reason\":\"x\"}").statusCode(403);
        act(mine, id, "cancel", "{}").statusCode(403);
        act(mine, id, "corrections", "{\"quantity\":1,\"reason\":\"x\"}").statusCode(403);
        given().get("/api/v1/work-orders/" + id).then().body("status", equalTo("COMPLETED"));

        // lists: each contractor's token lists its own orders only, whatever it asks for
        String other = assignedTo(village, THEIRS);
        as(mine).get("/api/v1/work-orders").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.id", not(hasItem(other))).body("items.contractorId", everyItem(equalTo(MINE)));
        as(mine).queryParam("contractor", THEIRS).get("/api/v1/work-orders").then().body("total", equalTo(0));
        as(theirs).get("/api/v1/work-orders").then().body("items.id", hasItem(other)).body("items.id", not(hasItem(id)));
    }

    @Test
    void staffActOnlyInTheirRegionsViewersOnlyReadAndOnlyDistrictAdminsCorrect() {
        String village = "460102001001";
        String contractor = Tokens.contractor(MINE, "46");
        String staffElsewhere = Tokens.townshipStaff("460202");
        String staffHere = Tokens.townshipStaff("460102001");
        String viewer = Tokens.viewer("4601");

        long before = WorkOrderApi.orderRows(db, village);
        as(staffElsewhere).body(WorkOrderApi.createBody(village, CATEGORY, "5", "")).post("/api/v1/work-orders").then()
                .statusCode(403);
        assertThat(WorkOrderApi.orderRows(db, village)).isEqualTo(before);
        String id = as(staffHere).body(WorkOrderApi.createBody(village, CATEGORY, "5", "")).post("/api/v1/work-orders").then()
                .statusCode(201).extract().path("id");
        act(staffElsewhere, id, "issue", null).statusCode(403);
        as(staffElsewhere).get("/api/v1/work-orders/" + id).then().statusCode(403);
        act(viewer, id, "issue", null).statusCode(403);
        as(viewer).get("/api/v1/work-orders/" + id).then().statusCode(200);
        as(viewer).get("/api/v1/work-orders/" + id + "/history").then().statusCode(200);
        act(staffHere, id, "issue", null).statusCode(200);
        act(staffHere, id, "assign", "{\"contractorId\":\"" + MINE + "\"}").statusCode(200);
        // staff do not start or complete for the contractor
        act(staffHere, id, "start", null).statusCode(403);
        act(contractor, id, "start", null).statusCode(200);
        act(contractor, id, "complete", completion("5", photo(contractor, id))).statusCode(200);
        act(staffHere, id, "verify", null).statusCode(200).body("verification.by", equalTo("test-township-staff"));
        act(staffHere, id, "corrections", "{\"quantity\":4,\"reason\":\"x\"}").statusCode(403);
        act(Tokens.districtAdmin("460202"), id, "corrections", "{\"quantity\":4,\"reason\":\"x\"}").statusCode(403);
        act(null, id, "corrections", "{\"quantity\":4,\"reason\":\"复核\"}").statusCode(200);
        act(Tokens.device("46"), id, "issue", null).statusCode(403);

        // lists are scoped to the caller's regions
        as(staffElsewhere).get("/api/v1/work-orders").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(viewer).queryParam("village", village).get("/api/v1/work-orders").then().body("items.id", hasItem(id));
        as(Tokens.device("46")).get("/api/v1/work-orders").then().statusCode(403);
        // a grant that is not a region code matches nothing (an empty one once matched every order)
        as(Tokens.viewer("")).get("/api/v1/work-orders").then().statusCode(200).body("total", equalTo(0));
        as(Tokens.viewer("46%")).get("/api/v1/work-orders").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void listsFilterByRegionVillageStatusCategoryContractorAndDueDates() {
        String village = "460202001001";
        String late = given().contentType(ContentType.JSON).body(WorkOrderApi.createBody(village, CATEGORY, "3",
                ",\"dueDate\":\"" + LocalDate.now().minusDays(3) + "\"")).post("/api/v1/work-orders").then().statusCode(201)
                .extract().path("id");
        String later = given().contentType(ContentType.JSON).body(WorkOrderApi.createBody(village, CATEGORY, "3",
                ",\"dueDate\":\"2031-01-15\",\"priority\":\"HIGH\"")).post("/api/v1/work-orders").then().statusCode(201)
                .extract().path("id");
        String assigned = assignedTo(village, THEIRS);

        given().queryParam("region", "460202").get("/api/v1/work-orders").then().statusCode(200)
                .body("items.id", hasItem(late)).body("items.villageCode", everyItem(equalTo(village)));
        given().queryParam("village", village).queryParam("overdue", "true").get("/api/v1/work-orders").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(late)).body("items[0].overdue", equalTo(true));
        given().queryParam("village", village).queryParam("overdue", "false").get("/api/v1/work-orders").then()
                .body("items.id", not(hasItem(late))).body("items.id", hasItem(later));
        given().queryParam("village", village).queryParam("dueFrom", "2031-01-01").queryParam("dueTo", "2031-01-31")
                .get("/api/v1/work-orders").then().body("total", equalTo(1)).body("items[0].id", equalTo(later));
        given().queryParam("village", village).queryParam("status", "ASSIGNED").get("/api/v1/work-orders").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(assigned));
        given().queryParam("village", village).queryParam("contractor", THEIRS).get("/api/v1/work-orders").then()
                .body("total", equalTo(1));
        given().queryParam("village", village).queryParam("category", CATEGORY).queryParam("size", 2).get("/api/v1/work-orders")
                .then().body("total", equalTo(3)).body("items.size()", equalTo(2));
        given().queryParam("village", village).queryParam("category", "nothing-here").get("/api/v1/work-orders").then()
                .body("total", equalTo(0));

        given().queryParam("status", "FINISHED").get("/api/v1/work-orders").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().queryParam("dueFrom", "tomorrow").get("/api/v1/work-orders").then().statusCode(400)
                .body("errors.field", hasItem("dueFrom"));
        given().queryParam("region", "46x").get("/api/v1/work-orders").then().statusCode(400).body("errors.field", hasItem("region"));
        given().queryParam("overdue", "maybe").get("/api/v1/work-orders").then().statusCode(400).body("errors.field", hasItem("overdue"));
        assertThat(EventsOnTopic.outboxRows(db, village)).isEqualTo(2 + 3);
    }
}
