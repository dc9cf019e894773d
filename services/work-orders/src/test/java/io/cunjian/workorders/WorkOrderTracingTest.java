package io.cunjian.workorders;

import static io.cunjian.testing.RecordedSpans.clientTraceParent;
import static io.cunjian.testing.RecordedSpans.kind;
import static io.cunjian.testing.RecordedSpans.randomHex;
import static io.cunjian.testing.RecordedSpans.trace;
import static io.cunjian.workorders.WorkOrderApi.as;
import static io.cunjian.workorders.WorkOrderApi.completion;
import static io.cunjian.workorders.WorkOrderApi.createBody;
import static io.cunjian.workorders.WorkOrderApi.photo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.tracing.EventTraces;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RecordedSpans;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * A work order created, completed and verified: each request's trace reaches its event on the topic
 * (ADR 0023). The HTTP span, the outbox relay's publish span (a child of it, with the time the row
 * waited) and the record's {@code traceparent}, which reporting continues, share one trace id.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class WorkOrderTracingTest {

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
    InMemorySpanExporter spans;

    @BeforeEach
    void reference() {
        Fixtures.category(bootstrap, prefix, categories, CATEGORY, "LAMP", "盏");
        Fixtures.contractor(CONTRACTOR, "追踪测试公司");
        spans.reset();
    }

    /** A request in a trace of the caller's own (as a browser or gateway that traces would send). */
    static RequestSpecification traced(RequestSpecification request, String traceId) {
        return request.header("traceparent", clientTraceParent(traceId, randomHex(16)));
    }

    @Test
    void createdCompletedAndVerifiedEachReachTheTopicInTheirRequestsTrace() {
        String village = "460101001031";
        Fixtures.village(bootstrap, prefix, villages, village);
        String contractor = Tokens.contractor(CONTRACTOR, "46");
        String created = randomHex(32);
        String completed = randomHex(32);
        String verified = randomHex(32);

        String id = traced(as(null), created).body(createBody(village, CATEGORY, "80", "")).post("/api/v1/work-orders")
                .then().statusCode(201).extract().path("id");
        as(null).post("/api/v1/work-orders/" + id + "/issue").then().statusCode(200);
        as(null).body("{\"contractorId\":\"" + CONTRACTOR + "\"}").post("/api/v1/work-orders/" + id + "/assign").then().statusCode(200);
        as(contractor).post("/api/v1/work-orders/" + id + "/start").then().statusCode(200);
        String photo = photo(contractor, id);
        traced(as(contractor), completed).body(completion("64.5", photo)).post("/api/v1/work-orders/" + id + "/complete")
                .then().statusCode(200);
        traced(as(null), verified).post("/api/v1/work-orders/" + id + "/verify").then().statusCode(200);

        Map<String, String> traceOf = Map.of("cunjian.workorder.created.v1", created, "cunjian.workorder.completed.v1", completed,
                "cunjian.workorder.verified.v1", verified);
        List<TopicReader.Event> events = EventsOnTopic.forKey(bootstrap, prefix + "workorder.events", village, 6);
        for (Map.Entry<String, String> step : traceOf.entrySet()) {
            String traceId = step.getValue();
            SpanData request = RecordedSpans.await(spans, step.getKey() + ": the request's span",
                    trace(traceId).and(kind(SpanKind.SERVER)));
            SpanData publish = RecordedSpans.await(spans, step.getKey() + ": the relay's publish span",
                    trace(traceId).and(kind(SpanKind.PRODUCER)));
            assertThat(publish.getParentSpanId()).as(step.getKey() + ": the publish continues the request")
                    .isEqualTo(request.getSpanId());
            assertThat(publish.getAttributes().get(EventTraces.OUTBOX_DELAY)).as("the outbox delay, in ms").isNotNull()
                    .isNotNegative();

            TopicReader.Event event = events.stream().filter(e -> e.ceType().equals(step.getKey())).findFirst().orElseThrow();
            assertThat(event.headers().get("ce_traceparent")).as(step.getKey() + " was created in the request")
                    .isEqualTo("00-" + traceId + "-" + request.getSpanId() + "-01");
            assertThat(event.headers().get("traceparent")).as(step.getKey() + ": what reporting continues")
                    .isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
        }
        // Steps taken without a caller's trace got traces of their own, not one of these three.
        TopicReader.Event issued = events.stream().filter(e -> e.ceType().equals("cunjian.workorder.issued.v1")).findFirst()
                .orElseThrow();
        assertThat(issued.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain(created, completed, verified);
    }
}
