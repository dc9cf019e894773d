package io.cunjian.chassis.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;

/** What the outbox stores and the records carry is read back as the same context; anything else as none. */
class TraceParentTest {

    static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aStoredContextIsReadBackAsItWasWritten() {
        SpanContext context = TraceParent.parse(STORED);
        assertThat(context.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.getSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.isSampled()).isTrue();
        assertThat(TraceParent.of(context)).contains(STORED);
    }

    @Test
    void aMissingOrMalformedContextIsNone() {
        assertThat(TraceParent.parse(null).isValid()).isFalse();
        assertThat(TraceParent.parse("").isValid()).isFalse();
        assertThat(TraceParent.parse("00-not-a-context-01").isValid()).isFalse();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01").isValid())
                .as("an all-zero trace id is invalid in W3C trace context").isFalse();
        assertThat(TraceParent.of(SpanContext.getInvalid())).isEmpty();
    }
}
