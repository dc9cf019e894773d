package io.cunjian.chassis.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace context as the W3C {@code traceparent} text ({@code 00-<trace id>-<span id>-<flags>}): the form in
 * which it is stored with an outbox row and travels on a Kafka record (ADR 0023). Parsing goes through
 * OpenTelemetry's W3C propagator, so what is accepted here is what every other reader of the header accepts.
 */
public final class TraceParent {

    /** The W3C header that propagators read: the context of the relay's publish span. */
    public static final String HEADER = "traceparent";
    /** The CloudEvents distributed-tracing extension: the context the event was created in, never rewritten. */
    public static final String CLOUDEVENTS_EXTENSION = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The text of a valid context; empty for an invalid one (no span, or tracing off). */
    public static Optional<String> of(SpanContext context) {
        if (context == null || !context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex());
    }

    /** The context of the span current on this thread (the request's, inside a REST call). */
    public static Optional<String> current() {
        return of(Span.current().getSpanContext());
    }

    /** The trace id of the current span, e.g. for a problem body or a log search; empty outside any trace. */
    public static Optional<String> currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(context.getTraceId()) : Optional.empty();
    }

    /** The context a {@code traceparent} text names; {@link SpanContext#getInvalid()} when absent or malformed. */
    public static SpanContext parse(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP);
        return Span.fromContext(extracted).getSpanContext();
    }

    /** The context of a record's {@code traceparent} header (the last one, if repeated); invalid when it has none. */
    public static SpanContext of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? SpanContext.getInvalid()
                : parse(new String(header.value(), StandardCharsets.UTF_8));
    }
}
