package io.cunjian.reporting.api;

import static io.cunjian.reporting.api.ReportingEventsConsumerTest.REGISTERED;
import static io.cunjian.reporting.api.ReportingEventsConsumerTest.awaitRegion;
import static io.cunjian.reporting.api.ReportingEventsConsumerTest.region;
import static io.cunjian.testing.RecordedSpans.clientTraceParent;
import static io.cunjian.testing.RecordedSpans.randomHex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RecordedSpans;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TestEvents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reporting applies records in batches, so a batch's span links to the context each record was published in
 * (its {@code traceparent}, the producer's publish span) instead of claiming one of them as its parent: from
 * a work order's request an operator follows the links to the batch that put it in the reports (ADR 0023).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"53"})
class ReportingTracingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void theBatchThatAppliesARecordLinksToTheTraceItWasPublishedIn() {
        List<String> codes = List.of("53", "5301", "5302");
        List<String> traceIds = codes.stream().map(code -> randomHex(32)).toList();
        List<String> publishSpanIds = codes.stream().map(code -> randomHex(16)).toList();
        try (TestEvents events = new TestEvents(bootstrap)) {
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                events.send(prefix + "village.events", code, UUID.randomUUID(), REGISTERED,
                        region(code, "云南" + i, i == 0 ? "PROVINCE" : "CITY", i == 0 ? null : "53"),
                        clientTraceParent(traceIds.get(i), publishSpanIds.get(i)));
            }
        }
        awaitRegion("5302");

        for (int i = 0; i < codes.size(); i++) {
            String traceId = traceIds.get(i);
            String publishSpanId = publishSpanIds.get(i);
            SpanData batch = RecordedSpans.await(spans, "the batch that applied " + codes.get(i), span -> span.getLinks().stream()
                    .anyMatch(link -> link.getSpanContext().getTraceId().equals(traceId)));
            assertThat(batch.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(batch.getName()).isEqualTo("process " + prefix + "village.events");
            assertThat(batch.getParentSpanContext().isValid()).as("a batch has no one parent").isFalse();
            assertThat(batch.getTraceId()).as("a trace of its own, linked, not joined").isNotIn(traceIds);
            assertThat(batch.getLinks()).as("the link names the producer's publish span")
                    .anyMatch(link -> link.getSpanContext().getSpanId().equals(publishSpanId));
            assertThat(batch.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count"))).isPositive();
        }
    }
}
