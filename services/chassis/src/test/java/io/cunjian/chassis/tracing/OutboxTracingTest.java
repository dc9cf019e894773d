package io.cunjian.chassis.tracing;

import static io.cunjian.chassis.fixture.Http.en;
import static io.cunjian.chassis.fixture.Http.newCode;
import static io.cunjian.chassis.fixture.Http.problem;
import static io.cunjian.testing.RecordedSpans.clientTraceParent;
import static io.cunjian.testing.RecordedSpans.kind;
import static io.cunjian.testing.RecordedSpans.randomHex;
import static io.cunjian.testing.RecordedSpans.trace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RecordedSpans;
import io.cunjian.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One trace from a request through the outbox to the record on the topic (ADR 0023): the row keeps the
 * request's context, the relay's publish span is its child and says how long the row waited, and the
 * record carries both the creation context ({@code ce_traceparent}) and the publish span's ({@code traceparent}).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxTracingTest {

    @Inject
    InMemorySpanExporter spans;
    @Inject
    TopicNames topics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void forget() {
        spans.reset();
    }

    @Test
    void aRequestsTraceGoesThroughTheOutboxOntoTheRecord() {
        String traceId = randomHex(32);
        String code = newCode();
        given().header("traceparent", clientTraceParent(traceId, randomHex(16))).queryParam("name", "新名")
                .post("/test/villages/" + code + "/renamed").then().statusCode(204);

        SpanData request = RecordedSpans.await(spans, "the request's span", trace(traceId).and(kind(SpanKind.SERVER)));
        SpanData publish = RecordedSpans.await(spans, "the relay's publish span", trace(traceId).and(kind(SpanKind.PRODUCER)));
        assertThat(publish.getParentSpanId()).as("the publish continues the request").isEqualTo(request.getSpanId());
        assertThat(publish.getName()).isEqualTo("publish " + TopicNames.VILLAGE);
        assertThat(publish.getAttributes().get(EventTraces.OUTBOX_DELAY)).as("how long the row waited, in ms")
                .isNotNull().isBetween(0L, 30_000L);

        TopicReader.Event record = TopicReader.readUntil(bootstrap, topics.physical(TopicNames.VILLAGE), Duration.ofSeconds(30),
                read -> read.stream().anyMatch(e -> code.equals(e.key()))).stream()
                .filter(e -> code.equals(e.key())).findFirst().orElseThrow();
        assertThat(record.headers().get("ce_traceparent")).as("where the event was created: the request")
                .isEqualTo("00-" + traceId + "-" + request.getSpanId() + "-01");
        assertThat(record.headers().get("traceparent")).as("what a consumer continues: the publish")
                .isEqualTo("00-" + traceId + "-" + publish.getSpanId() + "-01");
    }

    @Test
    void aServerErrorNamesTheTraceOfItsRequest() {
        String traceId = randomHex(32);
        JsonPath body = problem(en().header("traceparent", clientTraceParent(traceId, randomHex(16)))
                .get("/test/villages/broken"), 500, "internal");
        assertThat(body.getString("traceId")).isEqualTo(traceId);

        // Without a caller's trace the service starts one, and the body names it: the spans are found by it.
        String started = problem(en().get("/test/villages/broken"), 500, "internal").getString("traceId");
        assertThat(started).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
        assertThat(RecordedSpans.await(spans, "the failed request's span", trace(started)).getKind()).isEqualTo(SpanKind.SERVER);
    }

    @Test
    void aClientErrorCarriesNoTraceId() {
        JsonPath body = problem(en().get("/no/such/thing"), 404, "not-found");
        assertThat(body.getMap("")).doesNotContainKey("traceId");
    }
}
