package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.act;
import static io.cunjian.workorders.WorkOrderApi.completion;
import static io.cunjian.workorders.WorkOrderApi.create;
import static io.cunjian.workorders.WorkOrderApi.photo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

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

/**
 * Staff verify what they found, up to what the contractor claimed: 80 lamps claimed, 76 verified with a
 * reason. Without a reason, above the claim or below zero the answer is 400 naming the field, and the
 * order stays COMPLETED; a bare POST still verifies the whole claim.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class PartialVerificationTest {

    static final String CATEGORY = "wo-test-partial";
    static final String CONTRACTOR = Fixtures.contractorId("0107");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;

    @BeforeEach
    void reference() {
        Fixtures.category(bootstrap, prefix, categories, CATEGORY, "LAMP", "盏");
        Fixtures.contractor(CONTRACTOR, "部分验收测试公司");
    }

    String completed(String village, String quantity) {
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String id = create(village, CATEGORY);
        act(null, id, "issue", null).statusCode(200);
        act(null, id, "assign", "{\"contractorId\":\"" + CONTRACTOR + "\"}").statusCode(200);
        act(contractor, id, "start", null).statusCode(200);
        act(contractor, id, "complete", completion(quantity, photo(contractor, id))).statusCode(200);
        return id;
    }

    @Test
    void staffVerifyLessThanClaimedWithAReasonAndTheEventCarriesBoth() {
        String village = "460101001041";
        Fixtures.village(bootstrap, prefix, villages, village);
        String id = completed(village, "80");

        act(null, id, "verify", "{\"quantity\":76}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("reason")));
        act(null, id, "verify", "{\"quantity\":81,\"reason\":\"多报\"}").statusCode(400)
                .body("errors.field", equalTo(List.of("quantity"))).body("claimedQuantity", equalTo(80));
        act(null, id, "verify", "{\"quantity\":-1,\"reason\":\"x\"}").statusCode(400)
                .body("errors.field", hasItem("quantity"));
        act(null, id, "verify", "{\"quantity\":76,\"reason\":\"" + "长".repeat(2001) + "\"}").statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().get("/api/v1/work-orders/" + id).then().body("status", equalTo("COMPLETED"));

        act(null, id, "verify", "{\"quantity\":76,\"reason\":\"4 盏灯头未更换\"}").statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verification.quantity", equalTo(76))
                .body("completion.actualQuantity", equalTo(80));
        given().get("/api/v1/work-orders/" + id + "/history").then().statusCode(200)
                .body("[5].to", equalTo("VERIFIED")).body("[5].note", equalTo("4 盏灯头未更换"));

        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "workorder.events", village, 6);
        TopicReader.Event verified = events.get(5);
        assertThat(verified.ceType()).isEqualTo("cunjian.workorder.verified.v1");
        JsonNode d = EventsOnTopic.data(verified);
        assertThat(d.get("actualQuantity").decimalValue()).isEqualByComparingTo("80");
        assertThat(d.get("verifiedQuantity").decimalValue()).isEqualByComparingTo("76");
        assertThat(d.get("reason").asText()).isEqualTo("4 盏灯头未更换");
    }

    @Test
    void aBarePostStillVerifiesTheWholeClaimAndCarriesNoReason() {
        String village = "460101001042";
        Fixtures.village(bootstrap, prefix, villages, village);
        String id = completed(village, "12.5");
        // no body, no Content-Type: what clients written before partial verification send
        given().header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .post("/api/v1/work-orders/" + id + "/verify").then().statusCode(200)
                .body("verification.quantity", equalTo(12.5f));
        JsonNode d = EventsOnTopic.data(EventsOnTopic.forKey(bootstrap, prefix + "workorder.events", village, 6).get(5));
        assertThat(d.get("verifiedQuantity").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(d.has("reason")).isFalse();
        given().get("/api/v1/work-orders/" + id).then().body("verification", not(equalTo(null)));
    }
}
