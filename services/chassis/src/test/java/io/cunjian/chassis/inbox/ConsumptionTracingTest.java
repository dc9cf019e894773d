package io.cunjian.chassis.inbox;

import static io.cunjian.testing.RecordedSpans.clientTraceParent;
import static io.cunjian.testing.RecordedSpans.randomHex;
import static io.cunjian.testing.RecordedSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.tracing.EventTraces;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.RecordedSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Consumers continue the trace a record's {@code traceparent} names (ADR 0023): one record is processed in a
 * child span, with the handler inside it; a batch, whose records come from many requests, is processed in a
 * span of its own that links to each record's context, at most {@link EventTraces#MAX_LINKS} of them.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumptionTracingTest {

    private static final String RENAMED = "cunjian.region.renamed.v1";

    @Inject
    EventConsumption consumption;
    @Inject
    TopicNames topics;
    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forget() {
        spans.reset();
    }

    private ConsumerRecord<String, byte[]> renamed(String code, String traceparent) {
        ConsumerRecord<String, byte[]> record = ConsumerRecords.cloudEvent(topics.physical(TopicNames.VILLAGE), code, RENAMED,
                "{\"code\":\"" + code + "\",\"name\":\"新名\",\"previousName\":\"旧名\",\"version\":1}");
        record.headers().add("traceparent", ConsumerRecords.bytes(traceparent));
        return record;
    }

    @Test
    void oneRecordIsProcessedInAChildOfThePublishSpan() {
        String traceId = randomHex(32);
        String publishSpanId = randomHex(16);
        AtomicReference<SpanContext> inHandler = new AtomicReference<>();

        consumption.apply("chassis-tracing", renamed("220391", clientTraceParent(traceId, publishSpanId)),
                event -> inHandler.set(Span.current().getSpanContext()));

        SpanData process = RecordedSpans.await(spans, "the consumer's span", trace(traceId));
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(publishSpanId);
        assertThat(inHandler.get().getSpanId()).as("the handler runs inside it, so its log lines carry the ids")
                .isEqualTo(process.getSpanId());
    }

    @Test
    void aBatchSpanLinksToEveryRecordsContextRatherThanToOneParent() {
        List<String> traceIds = IntStream.range(0, 3).mapToObj(i -> randomHex(32)).toList();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < traceIds.size(); i++) {
            records.add(renamed("22039" + (2 + i), clientTraceParent(traceIds.get(i), randomHex(16))));
        }

        consumption.applyBatch("chassis-tracing", records, events -> {
        });

        SpanData batch = RecordedSpans.await(spans, "the batch's span",
                span -> span.getLinks().stream().anyMatch(link -> link.getSpanContext().getTraceId().equals(traceIds.get(0))));
        assertThat(batch.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(batch.getParentSpanContext().isValid()).as("a root: no one request is its parent").isFalse();
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
                .containsExactlyInAnyOrderElementsOf(traceIds);
        assertThat(batch.getAttributes().get(EventTraces.LINKS_LEFT_OUT)).isZero();
    }

    @Test
    void aLargeBatchLinksOnlyTheFirstContextsAndCountsTheRest() {
        int size = EventTraces.MAX_LINKS + 10;
        String marker = randomHex(32);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String traceId = i == 0 ? marker : randomHex(32);
            records.add(renamed(String.format("2204%02d", i), clientTraceParent(traceId, randomHex(16))));
        }

        consumption.applyBatch("chassis-tracing", records, events -> {
        });

        SpanData batch = RecordedSpans.await(spans, "the batch's span",
                span -> span.getLinks().stream().map(LinkData::getSpanContext).anyMatch(c -> c.getTraceId().equals(marker)));
        assertThat(batch.getLinks()).hasSize(EventTraces.MAX_LINKS);
        assertThat(batch.getAttributes().get(EventTraces.LINKS_LEFT_OUT)).isEqualTo(10L);
    }
}
