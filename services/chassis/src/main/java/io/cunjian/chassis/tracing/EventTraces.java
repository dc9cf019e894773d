package io.cunjian.chassis.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The spans of the asynchronous hop (ADR 0023): the relay's publish of an outbox row, a consumer's
 * processing of one record, and a batch consumer's processing of many. Quarkus' own messaging
 * instrumentation is off ({@code quarkus.otel.instrument.messaging=false}): the relay does not go
 * through SmallRye, and two spans for one record would only confuse.
 */
@ApplicationScoped
public class EventTraces {

    /** How long the row waited in the outbox: from its commit ({@code ce_time}) to the relay picking it up. */
    public static final AttributeKey<Long> OUTBOX_DELAY = AttributeKey.longKey("cunjian.outbox.delay_ms");
    /** How many records of a batch have no link on its span (over {@link #MAX_LINKS}, or without a context). */
    public static final AttributeKey<Long> LINKS_LEFT_OUT = AttributeKey.longKey("cunjian.batch.links_left_out");
    /**
     * Links on one batch span. A replay applies batches of hundreds of records; a span with that many
     * links is costly to export and no trace viewer shows them usefully. The first records' links
     * suffice to go from a batch to the requests behind it; the rest are counted.
     */
    public static final int MAX_LINKS = 64;

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    @Inject
    Tracer tracer;

    /**
     * The relay's span for one outbox row, a child of the context the row was written in (none: a root).
     * The caller ends it once the broker has acknowledged the record.
     */
    public Span publish(String topic, String eventId, String eventType, String storedTraceParent, Instant committedAt) {
        SpanBuilder span = childOf(tracer.spanBuilder("publish " + topic), TraceParent.parse(storedTraceParent))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_ID, eventId)
                .setAttribute(EVENT_TYPE, eventType)
                .setAttribute(OUTBOX_DELAY, Math.max(0, Duration.between(committedAt, Instant.now()).toMillis()));
        return span.startSpan();
    }

    /** A consumer's span for one record: a child of the relay's publish span named by its {@code traceparent} header. */
    public Span process(String consumer, ConsumerRecord<String, byte[]> record) {
        return childOf(tracer.spanBuilder("process " + record.topic()), TraceParent.of(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(GROUP, consumer)
                .setAttribute(PARTITION, Integer.toString(record.partition()))
                .setAttribute(OFFSET, record.offset())
                .startSpan();
    }

    /**
     * A batch consumer's span: a root that links to each record's context rather than pretending to one
     * parent (the records come from many requests). At most {@link #MAX_LINKS} links, one per distinct context.
     */
    public Span processBatch(String consumer, List<ConsumerRecord<String, byte[]>> records) {
        String topic = records.isEmpty() ? "" : records.get(0).topic();
        SpanBuilder span = tracer.spanBuilder("process " + topic).setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(GROUP, consumer)
                .setAttribute(BATCH_SIZE, (long) records.size());
        Set<SpanContext> linked = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            SpanContext sent = TraceParent.of(record.headers());
            if (sent.isValid() && linked.size() < MAX_LINKS) {
                linked.add(sent);
            }
        }
        linked.forEach(span::addLink);
        return span.setAttribute(LINKS_LEFT_OUT, (long) records.size() - linked.size()).startSpan();
    }

    /** Marks the span failed with the exception, for the trace viewer's red mark. */
    public static void failed(Span span, Throwable e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
    }

    private static SpanBuilder childOf(SpanBuilder span, SpanContext parent) {
        return parent.isValid() ? span.setParent(Context.root().with(Span.wrap(parent))) : span.setNoParent();
    }
}
