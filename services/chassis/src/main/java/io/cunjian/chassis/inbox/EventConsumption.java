package io.cunjian.chassis.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.cunjian.chassis.tracing.EventTraces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The consuming side of every service: {@code record → parse → handler}, where the handler and the
 * message log commit in one transaction (ADR 0004). Use from an {@code @Incoming} method:
 *
 * <pre>
 * &#64;Incoming("village-events") &#64;Blocking
 * void onVillageEvent(ConsumerRecord&lt;String, byte[]&gt; record) {
 *     consumption.apply("reporting", record, handler::on);
 * }
 * </pre>
 *
 * A poison record throws {@link PoisonEventException}; the channel's dead-letter-queue failure
 * strategy then sends it to {@code <topic>.dlq} with the reason. Anything else (the database away,
 * a lock timeout) is retried with growing pauses for up to {@code cunjian.consumer.retry-for}, so a
 * short outage delays events but loses none; after that the record is dead-lettered too.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    @Inject
    MessageLog messageLog;
    @Inject
    MeterRegistry registry;
    @Inject
    DeadLetterQueue deadLetters;

    @Inject
    ConsumerSettings settings;
    @Inject
    EventTraces traces;

    /** Registered once per consumer, so applying an event costs no meter look-up. */
    private record Meters(Counter applied, Counter repeats) {
    }

    /** Buckets of the freshness histogram: the 5 s objective (docs/operations/metrics.md) is one of them. */
    private static final Duration[] FRESHNESS_BUCKETS = { Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30) };

    private final Map<String, Meters> meters = new ConcurrentHashMap<>();
    private final Map<String, Timer> freshness = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();

    /**
     * Applies the record's event once for {@code consumer}; {@code handler} runs inside the
     * transaction and sees every event type — it ignores those it does not need.
     */
    public void apply(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        // A child of the relay's publish span: the handler's work and its log lines join the request's trace.
        Span span = traces.process(consumer, record);
        try (Scope scope = span.makeCurrent()) {
            applyOne(consumer, CloudEventParser.parse(record), () -> {
            }, handler);
        } catch (PoisonEventException e) {
            // The channel's dead-letter-queue failure strategy (the chassis default) sends it on.
            deadLettered(consumer, record.topic()).increment();
            EventTraces.failed(span, e);
            throw e;
        } catch (RuntimeException e) {
            EventTraces.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Applies a batch of records (a channel with {@code batch=true}) in one transaction with one
     * message-log statement, so a consumer can keep up with a replay from offset zero. Records
     * that cannot be read are dead-lettered here and the rest applied. If the batch fails, its
     * events are applied one at a time, each retried as {@link #apply} does, so that only an event
     * that really cannot be applied ends up in the dead-letter topic.
     */
    public void applyBatch(String consumer, List<ConsumerRecord<String, byte[]>> records,
            Consumer<List<IncomingEvent>> handler) {
        applyBatch(consumer, records, () -> {
        }, handler, deadLetters::send);
    }

    /**
     * As {@link #applyBatch(String, List, Consumer)}, with {@code first} run at the start of every
     * transaction (before the message log is written: e.g. to point it at other tables) and
     * {@code deadLetterTo} told of each record that cannot be applied instead of the dead-letter topic.
     */
    public void applyBatch(String consumer, List<ConsumerRecord<String, byte[]>> records, Runnable first,
            Consumer<List<IncomingEvent>> handler, BiConsumer<ConsumerRecord<String, byte[]>, String> deadLetterTo) {
        // The records come from many requests: the batch's span links to each one's context (ADR 0023).
        Span span = traces.processBatch(consumer, records);
        try (Scope scope = span.makeCurrent()) {
            applyBatchTraced(consumer, records, first, handler, deadLetterTo);
        } catch (RuntimeException e) {
            EventTraces.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private void applyBatchTraced(String consumer, List<ConsumerRecord<String, byte[]>> records, Runnable first,
            Consumer<List<IncomingEvent>> handler, BiConsumer<ConsumerRecord<String, byte[]>, String> deadLetterTo) {
        BiConsumer<ConsumerRecord<String, byte[]>, String> deadLetter = (record, reason) -> {
            deadLetterTo.accept(record, reason);
            deadLettered(consumer, record.topic()).increment();
        };
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(CloudEventParser.parse(record));
                readable.add(record);
            } catch (PoisonEventException e) {
                LOG.warnf("%s: %s@%d is poison (%s); dead-lettered", consumer, record.topic(), record.offset(), e.getMessage());
                deadLetter.accept(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            List<IncomingEvent> firstTime = QuarkusTransaction.requiringNew().call(() -> {
                first.run();
                List<IncomingEvent> once = messageLog.firstDeliveries(consumer, events);
                handler.accept(once);
                return once;
            });
            observe(consumer, events, firstTime);
        } catch (RuntimeException e) {
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one at a time", consumer, events.size(), e.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyOne(consumer, events.get(i), first, event -> handler.accept(List.of(event)));
                } catch (PoisonEventException p) {
                    deadLetter.accept(readable.get(i), p.getMessage());
                }
            }
        }
    }

    private void applyOne(String consumer, IncomingEvent event, Runnable first, Consumer<IncomingEvent> handler) {
        Duration retryFor = settings.retryFor();
        Instant giveUp = Instant.now().plus(retryFor);
        long pauseMillis = 100;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    first.run();
                    if (!messageLog.firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                observe(consumer, List.of(event), applied ? List.of(event) : List.of());
                return;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new PoisonEventException("not applied after retrying for " + retryFor + ": " + e, e);
                }
                LOG.warnf("%s: applying %s %s failed (%s); retrying in %d ms", consumer, event.type(), event.id(),
                        e.toString(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private void observe(String consumer, List<IncomingEvent> events, List<IncomingEvent> applied) {
        Meters m = meters.computeIfAbsent(consumer, this::register);
        m.applied().increment(applied.size());
        m.repeats().increment(events.size() - applied.size());
        // Freshness: from the event's commit at its producer (ce_time) to its application here. Repeats
        // are left out: a redelivery says nothing about how fresh the read model is.
        long now = System.currentTimeMillis();
        for (IncomingEvent event : applied) {
            long millis = Math.max(0, now - event.time().toInstant().toEpochMilli());
            freshness(consumer, event.topic()).record(Duration.ofMillis(millis));
        }
    }

    private Timer freshness(String consumer, String topic) {
        return freshness.computeIfAbsent(consumer + "\u0000" + topic, k -> Timer.builder("cunjian.consumer.freshness")
                .description("time from an event's ce_time at its producer to its application by this consumer")
                .serviceLevelObjectives(FRESHNESS_BUCKETS).tag("consumer", consumer).tag("topic", topic)
                .register(registry));
    }

    private Counter deadLettered(String consumer, String topic) {
        return deadLettered.computeIfAbsent(consumer + "\u0000" + topic, k -> Counter
                .builder("cunjian.consumer.dead.lettered").description("records this consumer sent to <topic>.dlq")
                .tag("consumer", consumer).tag("topic", topic).register(registry));
    }

    private Meters register(String consumer) {
        return new Meters(
                Counter.builder("cunjian.consumer.events").description("events received, by outcome: applied, or a repeat skipped")
                        .tag("consumer", consumer).tag("outcome", "applied").register(registry),
                Counter.builder("cunjian.consumer.events").tag("consumer", consumer).tag("outcome", "repeat").register(registry));
    }
}
