package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.completion;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.cunjian.workorders.WorkOrderApi.createBody;
import static io.cunjian.workorders.WorkOrderApi.photo;
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
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Bad input is a 4xx problem naming the field and changes nothing; a completion retried concurrently counts once. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class WorkOrderBadInputTest {

    static final String CATEGORY = "wo-test-metre";
    static final String CONTRACTOR = Fixtures.contractorId("0301");
    static final String VILLAGE = "460103001001";

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
        Fixtures.category(bootstrap, prefix, categories, CATEGORY, "METRE", "米");
        Fixtures.contractor(CONTRACTOR, "坏输入测试公司");
        Fixtures.village(bootstrap, prefix, villages, VILLAGE);
    }

    void refused(String village, String body, int status, String... fields) {
        long orders = WorkOrderApi.orderRows(db, village);
        long events = EventsOnTopic.outboxRows(db, village);
        var answer = given().contentType(ContentType.JSON).body(body).post("/api/v1/work-orders").then().statusCode(status)
                .contentType("application/problem+json");
        for (String field : fields) {
            answer.body("errors.field", hasItem(field));
        }
        assertThat(WorkOrderApi.orderRows(db, village)).as("orders of " + village + " after " + body).isEqualTo(orders);
        assertThat(EventsOnTopic.outboxRows(db, village)).as("events of " + village).isEqualTo(events);
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndWriteNothing() {
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"unit\":\"LAMP\""), 400, "unit");
        // the whole answer, member by member: the category's unit follows the field it is about
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(createBody(VILLAGE, CATEGORY, "300", ",\"unit\":\"盏\"")).post("/api/v1/work-orders")
                .then().statusCode(400).body("categoryUnit", equalTo("METRE")).body(equalTo("{\"type\":\"https://cunjian.dev/problems/validation\","
                        + "\"title\":\"Invalid request data\",\"status\":400,\"detail\":\"1 value in the request is not acceptable; see errors.\","
                        + "\"instance\":\"/api/v1/work-orders\",\"errors\":[{\"field\":\"unit\",\"message\":\"not the unit of the work category\"}],"
                        + "\"categoryUnit\":\"METRE\"}"));
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "0", ""), 400, "plannedQuantity");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "-5", ""), 400, "plannedQuantity");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "\"三百\"", ""), 400, "plannedQuantity");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "1.2345", ""), 400, "plannedQuantity");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "null", ""), 400, "plannedQuantity");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"title\":\"" + "长".repeat(201) + "\"").replace(
                ",\"title\":\"路灯维修\"", ""), 400, "title");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"description\":\"" + "x".repeat(4001) + "\""), 400, "description");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"location\":{\"latitude\":91,\"longitude\":10}"), 400,
                "location.latitude");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"location\":{\"latitude\":43}"), 400, "location.longitude");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"dueDate\":\"30/06/2026\""), 400, "dueDate");
        refused(VILLAGE, createBody(VILLAGE, CATEGORY, "300", ",\"priority\":\"ASAP\""), 400, "priority");
        refused(VILLAGE, createBody("46010300100", CATEGORY, "300", ""), 400, "villageCode");
        refused(VILLAGE, "{\"villageCode\":\"" + VILLAGE + "\",", 400);
        refused(VILLAGE, "[]", 400);

        // a village or category this service does not hold: UnknownReferenceTest (422 or 503, ADR 0028)
    }

    @Test
    void badCompletionsAndPhotosAreRefused() {
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String id = create(VILLAGE, CATEGORY);
        act(null, id, "assign", "{\"contractorId\":\"" + Fixtures.contractorId("9999") + "\"}").statusCode(409);
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + Fixtures.contractorId("9999") + "\"}").statusCode(400)
                .body("errors.field", hasItem("contractorId"));
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, id, "start", null).statusCode(200);
        String photo = photo(contractor, id);
        long events = EventsOnTopic.outboxRows(db, VILLAGE);

        act(contractor, id, "complete", "{\"actualQuantity\":5,\"photoIds\":[]}").statusCode(400)
                .body("errors.field", hasItem("photoIds"));
        act(contractor, id, "complete", "{\"actualQuantity\":5}").statusCode(400).body("errors.field", hasItem("photoIds"));
        act(contractor, id, "complete", completion("5", java.util.UUID.randomUUID().toString())).statusCode(400)
                .body("errors.field", hasItem("photoIds"));
        act(contractor, id, "complete", completion("-1", photo)).statusCode(400).body("errors.field", hasItem("actualQuantity"));
        act(contractor, id, "complete", completion("\"lots\"", photo)).statusCode(400).body("errors.field", hasItem("actualQuantity"));
        act(contractor, id, "complete", "{\"actualQuantity\":5,\"photoIds\":[\"not-a-uuid\"]}").statusCode(400);
        act(contractor, id, "complete", "{\"actualQuantity\":5,\"completedAt\":\"2099-01-01T00:00:00+08:00\",\"photoIds\":[\""
                + photo + "\"]}").statusCode(400).body("errors.field", hasItem("completedAt"));
        act(contractor, id, "complete", "{\"actualQuantity\":5,\"notes\":\"" + "x".repeat(2001) + "\",\"photoIds\":[\""
                + photo + "\"]}").statusCode(400).body("errors.field", hasItem("notes"));

        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "x.jpg", "GIF89a not a jpeg".getBytes(), "image/jpeg")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("file"));
        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "big.jpg", WorkOrderApi.jpeg(10 * 1024 * 1024 + 1),
                "image/jpeg").post("/api/v1/work-orders/" + id + "/photos").then().statusCode(413)
                .contentType("application/problem+json");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "a.png", png, "application/octet-stream")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(201).body("contentType", equalTo("image/png"));
        byte[] heic = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0 };
        given().header("Authorization", SignIn.bearer(contractor)).multiPart("file", "a.heic", heic, "image/heic")
                .post("/api/v1/work-orders/" + id + "/photos").then().statusCode(201).body("contentType", equalTo("image/heic"));

        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).as("no event for refused completions").isEqualTo(events);
        given().get("/api/v1/work-orders/" + id).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void aCompletionSentFiveTimesAtOnceWithOneKeyCompletesOnce() throws Exception {
        String village = "460103001002";
        Fixtures.village(bootstrap, prefix, villages, village);
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String id = create(village, CATEGORY);
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, id, "start", null).statusCode(200);
        String body = completion("300", photo(contractor, id));

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(() -> given().header("Authorization", SignIn.bearer(contractor)).header("Idempotency-Key", "complete-" + id)
                        .contentType(ContentType.JSON).body(body).post("/api/v1/work-orders/" + id + "/complete"));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(Response::statusCode).containsOnly(200);
            assertThat(answers).extracting(r -> r.jsonPath().getString("status")).containsOnly("COMPLETED");
            assertThat(answers).extracting(r -> r.header("ETag")).containsOnly("\"4\"");
        } finally {
            pool.shutdown();
        }
        // the same key once more, later: the first answer again; without the key: the state says no
        act(contractor, id, "complete", body).statusCode(409);
        given().get("/api/v1/work-orders/" + id + "/history").then().body("findAll { it.to == 'COMPLETED' }.size()", equalTo(1));
        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "workorder.events", village, 5);
        assertThat(events.stream().filter(e -> e.ceType().equals("cunjian.workorder.completed.v1")).count()).isEqualTo(1);
        assertThat(EventsOnTopic.outboxRows(db, village)).isEqualTo(5);
    }
}
