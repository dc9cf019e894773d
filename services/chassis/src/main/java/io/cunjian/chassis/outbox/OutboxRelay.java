package io.cunjian.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.cunjian.chassis.events.CloudEventRecords;
import io.cunjian.chassis.events.KafkaClientSettings;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.tracing.EventTraces;
import io.cunjian.chassis.tracing.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka and marks them sent (ADR 0004).
 *
 * <p>One thread per service instance. Rows are grouped in key buckets; a relay publishes a bucket
 * only while it holds that bucket's transaction-scoped advisory lock, so with several instances
 * each bucket still has one publisher at a time and every key's rows leave in id order (which is
 * commit order for each entity: {@link Outbox}).
 * The producer is idempotent with {@code acks=all}; rows are marked sent only after the broker
 * acknowledged the whole batch, so a crash in between re-sends them (at least once; consumers
 * de-duplicate by {@code ce_id}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BUCKET_LOCK_NAMESPACE = 2;

    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    TopicNames topics;
    @Inject
    MeterRegistry registry;

    @Inject
    KafkaClientSettings kafka;
    @Inject
    EventTraces traces;

    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean paused;
    private volatile boolean running;
    private Counter published;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Instant nextCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        paused = !config.relayEnabled();
        published = Counter.builder("cunjian.outbox.published").description("events published from the outbox")
                .register(registry);
        Gauge.builder("cunjian.outbox.pending", this, r -> r.measured == null ? Double.NaN : r.measured.rows())
                .description("outbox rows not yet published").register(registry);
        Gauge.builder("cunjian.outbox.oldest.pending.age", this,
                        r -> r.measured == null ? Double.NaN : r.measured.oldestAgeSeconds())
                .baseUnit("seconds").description("age of the oldest unpublished outbox row").register(registry);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that wrote outbox rows: publish now rather than at the next poll. */
    public void wake() {
        wakeups.release();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wake();
    }

    /** What waits in the outbox: read from the table, so it is true whatever the relay is doing. */
    public record Backlog(long rows, double oldestAgeSeconds) {
    }

    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("""
                     SELECT count(*), COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(ce_time)), 0)
                     FROM outbox_event WHERE sent_at IS NULL""");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong(1), rs.getDouble(2));
        } catch (SQLException e) {
            return new Backlog(-1, -1); // database away: the gauge shows it rather than failing the scrape
        }
    }

    // A scrape reads the last measurement and answers at once. Read at scrape time, a database that is away
    // held each scrape for as long as the pool waits for a connection, twice, so Prometheus called the whole
    // service down (TargetDown) instead of showing -1 here and the alerts that explain it.
    private volatile Backlog measured;

    @Scheduled(identity = "cunjian-outbox-backlog", every = "${cunjian.outbox.measure-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        measured = backlog();
    }

    public long pendingCount() {
        return backlog().rows();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                boolean more = !paused && relayOnce();
                backoff = Duration.ZERO;
                if (!more) {
                    wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Broker or database away: rows stay pending; try again, waiting longer each time.
                backoff = backoff.isZero() ? Duration.ofMillis(200)
                        : min(backoff.multipliedBy(2), config.maxBackoff());
                LOG.warnf("outbox relay: %s; retrying in %d ms", e.toString(), backoff.toMillis());
                closeProducer();
                try {
                    wakeups.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        closeProducer();
    }

    /** One pass over the buckets with pending rows; true when the batch was full (more to do). */
    boolean relayOnce() throws Exception {
        boolean more = publishPending();
        if (Instant.now().isAfter(nextCleanup)) {
            deleteOldSentRows();
            nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
        }
        return more;
    }

    /**
     * One transaction for all the buckets this instance can lock: the locks, one read, one flush of the producer,
     * one update. Under load a pass finds a few rows in many buckets; a transaction per bucket paid a commit
     * (an fsync) and a wait for the broker per bucket.
     */
    private boolean publishPending() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Array buckets = lockPendingBuckets(c);
                if (buckets == null) {
                    c.rollback();
                    return false; // nothing pending, or another instance publishes every pending bucket right now
                }
                List<Long> ids = send(c, buckets);
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE outbox_event SET sent_at = clock_timestamp() WHERE id = ANY(?)")) {
                    st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    st.executeUpdate();
                }
                c.commit();
                published.increment(ids.size());
                return ids.size() == config.batchSize();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The pending buckets whose transaction-scoped lock this instance got, or null when none: with several
     * instances each bucket has one publisher at a time, so every key's rows leave in id order. Locked first and
     * read second: a lock tried row by row could fail on one row of a bucket and succeed on a later one.
     */
    private static Array lockPendingBuckets(Connection c) throws SQLException {
        // In the same round trip, this transaction's commit (the mark) is told not to wait for the disk: the broker
        // has every row by then, so a mark lost in a crash only sends the rows again, which consumers absorb
        // (they de-duplicate by ce_id). set_config(…, true) lasts until the transaction ends, like SET LOCAL.
        try (PreparedStatement st = c.prepareStatement("""
                SELECT (SELECT array_agg(bucket) FROM (SELECT DISTINCT key_bucket AS bucket FROM outbox_event WHERE sent_at IS NULL) pending
                        WHERE pg_try_advisory_xact_lock(?, bucket)),
                       set_config('synchronous_commit', 'off', true)""")) {
            st.setInt(1, BUCKET_LOCK_NAMESPACE);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getArray(1);
            }
        }
    }

    /** Sends the oldest pending rows of the locked buckets in id order and waits for the broker's acknowledgements. */
    private List<Long> send(Connection c, Array buckets) throws Exception {
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        try {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, ce_id, ce_type, ce_source, ce_subject, ce_time, topic, event_key, payload, traceparent
                    FROM outbox_event WHERE sent_at IS NULL AND key_bucket = ANY(?) ORDER BY id LIMIT ?""")) {
                st.setArray(1, buckets);
                st.setInt(2, config.batchSize());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong("id"));
                        Span span = traces.publish(rs.getString("topic"), rs.getString("ce_id"), rs.getString("ce_type"),
                                rs.getString("traceparent"), rs.getObject("ce_time", OffsetDateTime.class).toInstant());
                        spans.add(span);
                        acks.add(producer().send(record(rs, span)));
                    }
                }
            }
            producer().flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
            return ids;
        } catch (Exception e) {
            spans.forEach(span -> EventTraces.failed(span, e));
            throw e;
        } finally {
            // A publish span lasts until the broker acknowledged its record (or the batch failed).
            spans.forEach(Span::end);
        }
    }

    /**
     * The record of one row. {@code ce_traceparent} is the context the event was created in, as stored; the
     * W3C {@code traceparent} header is the publish span's, so a consumer's span is a child of the publish.
     */
    private ProducerRecord<String, byte[]> record(ResultSet rs, Span publish) throws SQLException {
        ProducerRecord<String, byte[]> record = CloudEventRecords.write(topics.physical(rs.getString("topic")),
                rs.getString("event_key"), rs.getObject("ce_id", UUID.class), rs.getString("ce_type"),
                rs.getString("ce_source"), rs.getString("ce_subject"), rs.getObject("ce_time", OffsetDateTime.class),
                rs.getBytes("payload"), rs.getString("traceparent"));
        TraceParent.of(publish.getSpanContext()).ifPresent(
                text -> record.headers().add(TraceParent.HEADER, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private void deleteOldSentRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "DELETE FROM outbox_event WHERE sent_at < clock_timestamp() - make_interval(secs => ?)")) {
            st.setLong(1, config.keepSent().toSeconds());
            st.executeUpdate();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = kafka.producer();
            p.putAll(Map.of(
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                    ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (Exception e) {
                LOG.debug("closing the outbox producer", e);
            }
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
