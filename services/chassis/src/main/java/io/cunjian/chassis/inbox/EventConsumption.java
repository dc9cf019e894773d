package io.cunjian.chassis.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

    @ConfigProperty(name = "cunjian.consumer.retry-for", defaultValue = "PT5M")
    Duration retryFor;

    /** Registered once per consumer, so applying an event costs no meter look-up. */
    private record Meters(Counter applied, Counter repeats, AtomicLong lagMillis) {
    }

    private final Map<String, Meters> meters = new ConcurrentHashMap<>();

    /**
     * Applies the record's event once for {@code consumer}; {@code handler} runs inside the
     * transaction and sees every event type — it ignores those it does not need.
     */
    public void apply(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = CloudEventParser.parse(record);
        Instant giveUp = Instant.now().plus(retryFor);
        long pauseMillis = 100;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!messageLog.firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                observe(consumer, event, applied);
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

    private void observe(String consumer, IncomingEvent event, boolean applied) {
        Meters m = meters.computeIfAbsent(consumer, this::register);
        (applied ? m.applied() : m.repeats()).increment();
        // Freshness: the time from the event's commit at its producer to its application here.
        m.lagMillis().set(Math.max(0, System.currentTimeMillis() - event.time().toInstant().toEpochMilli()));
    }

    private Meters register(String consumer) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder("cunjian.consumer.lag", lag, h -> h.get() / 1000.0)
                .tag("consumer", consumer).baseUnit("seconds").register(registry);
        return new Meters(
                Counter.builder("cunjian.consumer.events").tag("consumer", consumer).tag("outcome", "applied").register(registry),
                Counter.builder("cunjian.consumer.events").tag("consumer", consumer).tag("outcome", "repeat").register(registry),
                lag);
    }
}
