package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.completion;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.cunjian.workorders.WorkOrderApi.photo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A work order from draft to verified and corrected, each step's event read back from Kafka and schema-checked. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class WorkOrderLifecycleTest {

    static final String CATEGORY = "wo-test-lamp";
    static final String CONTRACTOR = Fixtures.contractorId("0101");

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
        Fixtures.contractor(CONTRACTOR, "生命周期测试公司");
    }

    String village(String code) {
        Fixtures.village(bootstrap, prefix, villages, code);
        return code;
    }

    List<TopicReader.Event> events(String village, int n) {
        return EventsOnTopic.forKey(bootstrap, prefix + "workorder.events", village, n);
    }

    @Test
    void fromDraftToVerifiedAndCorrectedWithEveryEvent() {
        String village = village("460101001001");
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String id = create(village, CATEGORY);
        given().get("/api/v1/work-orders/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT")).body("unit", equalTo("LAMP")).body("plannedQuantity", equalTo(80))
                .body("location.latitude", equalTo(43.5f)).body("priority", equalTo("NORMAL"));

        // a command without a body needs no Content-Type (a phone's bare POST)
        given().post("/api/v1/work-orders/" + id + "/issue").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ISSUED"));
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("contractorId", equalTo(CONTRACTOR));
        act(contractor, id, "start", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        String photo = photo(contractor, id);
        act(contractor, id, "complete", completion("64.5", photo)).statusCode(200).body("status", equalTo("COMPLETED"))
                .body("completion.actualQuantity", equalTo(64.5f)).body("completion.photoIds", hasItem(photo));
        act(null, id, "verify", null).statusCode(200).body("status", equalTo("VERIFIED"))
                .body("verification.quantity", equalTo(64.5f)).body("verification.by", equalTo("test-district-admin"));
        act(null, id, "corrections", "{\"quantity\":64,\"reason\":\"复核时数错\"}").statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verification.quantity", equalTo(64)).header("ETag", "\"6\"");

        List<TopicReader.Event> events = events(village, 7);
        assertThat(events).extracting(TopicReader.Event::ceType).containsExactly("cunjian.workorder.created.v1",
                "cunjian.workorder.issued.v1", "cunjian.workorder.assigned.v1", "cunjian.workorder.started.v1",
                "cunjian.workorder.completed.v1", "cunjian.workorder.verified.v1", "cunjian.workorder.corrected.v1");
        for (TopicReader.Event e : events) {
            JsonNode d = EventsOnTopic.data(e);
            assertThat(d.get("orderId").asText()).isEqualTo(id);
            assertThat(d.get("villageCode").asText()).isEqualTo(village);
            assertThat(d.get("categoryCode").asText()).isEqualTo(CATEGORY);
            assertThat(d.get("unit").asText()).isEqualTo("LAMP");
            assertThat(d.get("plannedQuantity").decimalValue()).isEqualByComparingTo("80");
        }
        assertThat(EventsOnTopic.data(events.get(4)).get("actualQuantity").decimalValue()).isEqualByComparingTo("64.5");
        assertThat(EventsOnTopic.data(events.get(4)).get("photoCount").asInt()).isEqualTo(1);
        assertThat(EventsOnTopic.data(events.get(5)).get("verifiedQuantity").decimalValue()).isEqualByComparingTo("64.5");
        assertThat(EventsOnTopic.data(events.get(5)).get("by").asText()).isEqualTo("test-district-admin");
        JsonNode corrected = EventsOnTopic.data(events.get(6));
        assertThat(corrected.get("previousQuantity").decimalValue()).isEqualByComparingTo("64.5");
        assertThat(corrected.get("newQuantity").decimalValue()).isEqualByComparingTo("64");
        assertThat(corrected.get("reason").asText()).isEqualTo("复核时数错");
        assertThat(corrected.get("version").asLong()).isEqualTo(6);

        given().get("/api/v1/work-orders/" + id + "/history").then().statusCode(200).body("$", hasSize(7))
                .body("to", equalTo(List.of("DRAFT", "ISSUED", "ASSIGNED", "IN_PROGRESS", "COMPLETED", "VERIFIED", "VERIFIED")))
                .body("[6].previousQuantity", equalTo(64.5f)).body("[6].newQuantity", equalTo(64))
                .body("[6].note", equalTo("复核时数错")).body("[3].by", equalTo("test-contractor"))
                .body("[0].at", notNullValue());
        // the photo is served back to whoever may see the order
        byte[] served = given().get("/api/v1/work-orders/" + id + "/photos/" + photo).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(served).isEqualTo(WorkOrderApi.JPEG);
        given().get("/api/v1/work-orders/" + id + "/photos").then().statusCode(200)
                .body("[0].flags", equalTo(List.of("NO_TIME", "NO_POSITION")));
    }

    @Test
    void aRejectedCompletionIsStartedAgainAndCancellationEndsAnOrder() {
        String village = village("460101001002");
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String id = create(village, CATEGORY);
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, id, "start", null).statusCode(200);
        act(contractor, id, "complete", completion("70", photo(contractor, id))).statusCode(200);
        act(null, id, "reject", "{\"reason\":\"\"}").statusCode(400).body("errors.field", hasItem("reason"));
        act(null, id, "reject", "{\"reason\":\"照片模糊\"}").statusCode(200).body("status", equalTo("REJECTED"));
        act(contractor, id, "start", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        act(contractor, id, "complete", completion("80", photo(contractor, id))).statusCode(200);
        act(null, id, "verify", null).statusCode(200).body("verification.quantity", equalTo(80));

        String other = create(village, CATEGORY);
        act(null, other, "cancel", "{\"reason\":\"预算取消\"}").statusCode(200).body("status", equalTo("CANCELLED"));
        String third = create(village, CATEGORY);
        act(null, third, "cancel", null).statusCode(200).body("status", equalTo("CANCELLED"));

        List<TopicReader.Event> events = events(village, 13);
        assertThat(events.stream().filter(e -> e.ceType().equals("cunjian.workorder.rejected.v1")).map(EventsOnTopic::data)
                .map(d -> d.get("reason").asText())).containsExactly("照片模糊");
        assertThat(events.stream().filter(e -> e.ceType().equals("cunjian.workorder.started.v1")).count()).isEqualTo(2);
        assertThat(events.stream().filter(e -> e.ceType().equals("cunjian.workorder.cancelled.v1")).map(EventsOnTopic::data)
                .map(d -> d.path("reason").asText(null))).containsExactlyInAnyOrder("预算取消", null);
    }

    /** Each state, and every command: what the lifecycle does not allow is 409 naming the state, and changes nothing. */
    @Test
    void everyIllegalTransitionIs409NamingTheCurrentStateAndChangesNothing() {
        String village = village("460101001003");
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String draft = create(village, CATEGORY);
        String issued = create(village, CATEGORY);
        act(null, issued, "issue", null).statusCode(200);
        String assigned = create(village, CATEGORY);
        act(null, assigned, "issue", null).statusCode(200);
        act(null, assigned, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        String inProgress = create(village, CATEGORY);
        act(null, inProgress, "issue", null).statusCode(200);
        act(null, inProgress, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, inProgress, "start", null).statusCode(200);
        String photo = photo(contractor, inProgress);
        String completed = create(village, CATEGORY);
        act(null, completed, "issue", null).statusCode(200);
        act(null, completed, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, completed, "start", null).statusCode(200);
        act(contractor, completed, "complete", completion("1", photo(contractor, completed))).statusCode(200);
        String rejected = create(village, CATEGORY);
        act(null, rejected, "issue", null).statusCode(200);
        act(null, rejected, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, rejected, "start", null).statusCode(200);
        act(contractor, rejected, "complete", completion("1", photo(contractor, rejected))).statusCode(200);
        act(null, rejected, "reject", "{\"reason\":\"x\"}").statusCode(200);
        String verified = create(village, CATEGORY);
        act(null, verified, "issue", null).statusCode(200);
        act(null, verified, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, verified, "start", null).statusCode(200);
        act(contractor, verified, "complete", completion("1", photo(contractor, verified))).statusCode(200);
        act(null, verified, "verify", null).statusCode(200);
        String cancelled = create(village, CATEGORY);
        act(null, cancelled, "cancel", null).statusCode(200);

        Map<String, String> byState = new java.util.LinkedHashMap<>();
        byState.put("DRAFT", draft);
        byState.put("ISSUED", issued);
        byState.put("ASSIGNED", assigned);
        byState.put("IN_PROGRESS", inProgress);
        byState.put("COMPLETED", completed);
        byState.put("REJECTED", rejected);
        byState.put("VERIFIED", verified);
        byState.put("CANCELLED", cancelled);
        Map<String, List<String>> allowed = Map.of("DRAFT", List.of("issue", "cancel"), "ISSUED", List.of("assign", "cancel"),
                "ASSIGNED", List.of("start", "cancel"), "IN_PROGRESS", List.of("complete", "cancel"),
                "COMPLETED", List.of("verify", "reject", "cancel"), "REJECTED", List.of("start", "cancel"),
                "VERIFIED", List.of("corrections"), "CANCELLED", List.of());
        Map<String, String> bodies = Map.of("assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}",
                "complete", completion("1", photo), "reject", "{\"reason\":\"x\"}", "cancel", "{}",
                "corrections", "{\"quantity\":2,\"reason\":\"x\"}");
        long eventsBefore = EventsOnTopic.outboxRows(db, village);
        int refused = 0;
        for (var state : byState.entrySet()) {
            for (String command : List.of("issue", "assign", "start", "complete", "verify", "reject", "cancel", "corrections")) {
                if (allowed.get(state.getKey()).contains(command)) {
                    continue;
                }
                boolean contractorCommand = command.equals("start") || command.equals("complete");
                if (contractorCommand && (state.getKey().equals("DRAFT") || state.getKey().equals("ISSUED")
                        || state.getKey().equals("CANCELLED") && state.getValue().equals(cancelled))) {
                    // not assigned to anyone: for a contractor the order does not exist
                    act(contractor, state.getValue(), command, bodies.get(command)).statusCode(404);
                    continue;
                }
                act(contractorCommand ? contractor : null, state.getValue(), command, bodies.get(command))
                        .statusCode(409).contentType("application/problem+json")
                        .body("type", equalTo("https://cunjian.dev/problems/conflict"))
                        .body("currentState", equalTo(state.getKey()));
                refused++;
            }
            given().get("/api/v1/work-orders/" + state.getValue()).then().body("status", equalTo(state.getKey()));
        }
        assertThat(refused).isGreaterThanOrEqualTo(44);
        assertThat(EventsOnTopic.outboxRows(db, village)).as("no event for a refused command").isEqualTo(eventsBefore);
        given().header("Accept-Language", "en").contentType("application/json").body("{}").post("/api/v1/work-orders/" + verified + "/cancel").then().statusCode(409)
                .body("detail", equalTo("The work order is VERIFIED: it cannot cancel"));
    }
}
