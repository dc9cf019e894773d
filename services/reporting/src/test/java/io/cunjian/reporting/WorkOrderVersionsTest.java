package io.cunjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Two versions of one event type in one stream: {@code cunjian.workorder.verified.v2} names the
 * accepted quantity {@code acceptedQuantity} (v1: {@code verifiedQuantity}); both count the same, and a
 * v1 correction of an order verified by v2 moves the figure as it would for v1. The v2 schema is
 * reporting's test resource (src/test/resources/api-specs/events), found by type name beside v1.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class WorkOrderVersionsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VILLAGE = "220382106301";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    TestEvents events;

    @BeforeEach
    void producer() {
        events = new TestEvents(bootstrap);
    }

    @AfterEach
    void close() {
        events.close();
    }

    void send(String topic, String type, String json) {
        try {
            assertThat(EventsOnTopic.schemaProblems(type, JSON.readTree(json))).as(type + " " + json).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        events.send(prefix + topic, VILLAGE, type, json);
    }

    String order(String id, String status, long version, String extra) {
        return """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":40,
                 "status":"%s","by":"staff","version":%d%s}""".formatted(id, VILLAGE, status, version, extra);
    }

    @Test
    void aV1AndAV2VerificationCountTheSameAndACorrectionMovesEither() {
        send("village.events", "cunjian.standard.published.v1", """
                {"id":"test-standard-versions","scope":"22","nameZh":"测试标准","nameEn":"Test","illustrative":true,"basedOn":null,
                 "items":[{"code":"street-lighting","kind":"HAVE","labelZh":"有路灯照明","labelEn":"Street lighting",
                 "measure":"WORK_QUANTITY","countsGroups":["LIGHTING"]}],"publishedBy":"system"}""");
        send("village.events", "cunjian.plan.set.v1", """
                {"villageCode":"%s","revision":1,"standardId":"test-standard-versions","deadline":null,
                 "workTargets":[{"itemCode":"street-lighting","categoryCode":"street-lamp-repair","unit":"LAMP","quantity":100}],
                 "coverageTargets":[],"changedBy":"staff","note":null}""".formatted(VILLAGE));
        String v1 = UUID.randomUUID().toString();
        String v2 = UUID.randomUUID().toString();
        String verified = ",\"previousStatus\":\"COMPLETED\",\"contractorId\":\"91220300MA14ABCD1X\",\"actualQuantity\":40";
        send("workorder.events", "cunjian.workorder.created.v1", order(v1, "DRAFT", 0, ",\"title\":\"维修\",\"priority\":\"NORMAL\""));
        send("workorder.events", "cunjian.workorder.created.v1", order(v2, "DRAFT", 0, ",\"title\":\"维修\",\"priority\":\"NORMAL\""));
        send("workorder.events", "cunjian.workorder.verified.v1", order(v1, "VERIFIED", 6, verified + ",\"verifiedQuantity\":40"));
        send("workorder.events", "cunjian.workorder.verified.v2", order(v2, "VERIFIED", 6, verified + ",\"acceptedQuantity\":24"));

        // 40 by v1 + 24 by v2 of 100 lamps
        JsonPath r = ProducerEvents.awaitReport(VILLAGE, p -> lamps(p) == 64f);
        assertThat(ProducerEvents.item(r, "street-lighting")).isEqualTo(0.64f);

        send("workorder.events", "cunjian.workorder.corrected.v1", order(v2, "VERIFIED", 7,
                ",\"previousStatus\":\"VERIFIED\",\"contractorId\":\"91220300MA14ABCD1X\",\"verifiedQuantity\":24,"
                        + "\"previousQuantity\":24,\"newQuantity\":20,\"reason\":\"复核\""));
        r = ProducerEvents.awaitReport(VILLAGE, p -> lamps(p) == 60f);
        assertThat(ProducerEvents.item(r, "street-lighting")).isEqualTo(0.6f);
    }

    static float lamps(JsonPath report) {
        Object done = report.get("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done");
        return done == null ? -1 : ((Number) done).floatValue();
    }
}
