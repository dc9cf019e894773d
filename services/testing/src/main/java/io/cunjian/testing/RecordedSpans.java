package io.cunjian.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Reads the spans a service under test finished. A test module exposes an {@link InMemorySpanExporter} as a
 * CDI bean (Quarkus exports every sampled span to each {@code SpanExporter} bean; tests sample all):
 *
 * <pre>
 * &#64;Produces &#64;Singleton
 * InMemorySpanExporter spans() { return InMemorySpanExporter.create(); }
 * </pre>
 *
 * A new one per application start: Quarkus shuts the exporter down when the application stops.
 */
public final class RecordedSpans {

    private RecordedSpans() {
    }

    /** Waits (up to 30 s: spans are exported in batches) for a finished span that matches. */
    public static SpanData await(InMemorySpanExporter spans, String what, Predicate<SpanData> matching) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> find(spans, matching), Optional::isPresent).orElseThrow();
    }

    public static Optional<SpanData> find(InMemorySpanExporter spans, Predicate<SpanData> matching) {
        return spans.getFinishedSpanItems().stream().filter(matching).findFirst();
    }

    /** Every finished span of one trace. */
    public static List<SpanData> inTrace(InMemorySpanExporter spans, String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    public static Predicate<SpanData> kind(SpanKind kind) {
        return span -> span.getKind() == kind;
    }

    public static Predicate<SpanData> trace(String traceId) {
        return span -> span.getTraceId().equals(traceId);
    }

    /** A W3C {@code traceparent} for a client's own (sampled) trace: {@code 00-<trace id>-<span id>-01}. */
    public static String clientTraceParent(String traceId, String spanId) {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** A random trace id (32 hex digits) or span id (16), as a client would make one. */
    public static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (hex.length() < digits) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
