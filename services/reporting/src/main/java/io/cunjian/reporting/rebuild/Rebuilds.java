package io.cunjian.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.cunjian.chassis.events.KafkaClientSettings;
import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.reporting.events.VillageEventsConsumer;
import io.cunjian.reporting.persistence.Reports;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds all read models online (ADR 0010): the three topics are read from offset zero into
 * fresh tables in a schema of their own, through the same consumption and projections as live
 * events, while the live consumers go on. Events are applied in the order they happened across
 * all partitions ({@link ReplayOrder}), as they were when they came live, so that history is made
 * again as it was. Once caught up — the new tables hold every event the
 * live ones do (rp_offset) — the two sets of tables are swapped in one transaction that holds
 * the live tables exclusively for a moment; readers and live consumers on any instance simply see
 * the new tables from then on. One rebuild at a time across instances (rp_rebuild); one whose
 * instance died stops blocking after two minutes without a heartbeat.
 */
@ApplicationScoped
public class Rebuilds {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);
    /** Tables in public that are not read models: they stay when the read models are swapped. */
    /** Events per transaction of the replay: large, since each costs a fixed number of statements. */
    static final int CHUNK = 20_000;
    static final List<String> KEPT = List.of("flyway_schema_history", "outbox_event", "idempotency_record", "rp_rebuild");

    public record Rebuild(long id, String state, String requestedBy, OffsetDateTime startedAt, OffsetDateTime caughtUpAt,
            OffsetDateTime finishedAt, long events, long repeats, long unreadable, String error) {
    }

    @Inject
    EntityManager em;
    @Inject
    EventConsumption consumption;
    @Inject
    VillageEventsConsumer live;

    @Inject
    KafkaClientSettings kafka;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix", defaultValue = "")
    Optional<String> topicPrefix;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reporting-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile KafkaConsumer<String, byte[]> reading;
    private volatile boolean stopping;

    /** Starts a rebuild on this instance, unless one is running anywhere (409). */
    public Rebuild start(String requestedBy) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(3, 0)").getSingleResult();
            List<?> abandoned = em.createNativeQuery("""
                    UPDATE rp_rebuild SET state = 'FAILED', finished_at = now(), error = 'abandoned: no heartbeat for two minutes'
                    WHERE state = 'BUILDING' AND heartbeat_at < now() - interval '2 minutes' RETURNING id""").getResultList();
            for (Object dead : abandoned) {
                // its instance died with its half-built tables: nothing else will ever drop them
                em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema(((Number) dead).longValue()) + " CASCADE").executeUpdate();
            }
            List<?> running = em.createNativeQuery("SELECT id FROM rp_rebuild WHERE state = 'BUILDING'").getResultList();
            if (!running.isEmpty()) {
                throw new ConflictProblem(Map.of("id", running.get(0), "state", "BUILDING"), "problem.rebuild.running",
                        running.get(0));
            }
            long created = ((Number) em.createNativeQuery("""
                    INSERT INTO rp_rebuild (state, requested_by, started_at, heartbeat_at) VALUES ('BUILDING', :by, now(), now())
                    RETURNING id""").setParameter("by", requestedBy).getSingleResult()).longValue();
            createTables(schema(created));
            return created;
        });
        runner.submit(() -> run(id));
        return find(id).orElseThrow();
    }

    public Optional<Rebuild> find(long id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT id, state, requested_by, started_at, caught_up_at, finished_at, events, repeats, unreadable, error
                FROM rp_rebuild WHERE id = :id""").setParameter("id", id).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Rebuild(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Reports.time(r[3]),
                Reports.time(r[4]), Reports.time(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), ((Number) r[8]).longValue(),
                (String) r[9]));
    }

    static String schema(long id) {
        return "rp_build_" + id;
    }

    /** Empty copies of the read models (structure, indexes, defaults), each serial column with a sequence of its own. */
    private void createTables(String schema) {
        em.createNativeQuery("CREATE SCHEMA " + schema).executeUpdate();
        for (String table : readModels()) {
            em.createNativeQuery("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)")
                    .executeUpdate();
        }
        List<?> serials = em.createNativeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = :schema AND column_default LIKE 'nextval(%' ORDER BY 1, 2""")
                .setParameter("schema", schema).getResultList();
        for (Object row : serials) {
            String table = (String) ((Object[]) row)[0];
            String column = (String) ((Object[]) row)[1];
            String sequence = schema + "." + table + "_" + column + "_seq";
            em.createNativeQuery("CREATE SEQUENCE " + sequence + " OWNED BY " + schema + "." + table + "." + column).executeUpdate();
            em.createNativeQuery("ALTER TABLE " + schema + "." + table + " ALTER COLUMN " + column
                    + " SET DEFAULT nextval('" + sequence + "')").executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> readModels() {
        List<String> tables = em.createNativeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1""").getResultList();
        return tables.stream().filter(t -> !KEPT.contains(t)).toList();
    }

    private void run(long id) {
        String schema = schema(id);
        AtomicLong records = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        Properties p = kafka.connection();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CHUNK);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            reading = consumer;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("village.events", "workorder.events", "camera.events")) {
                consumer.partitionsFor(topicPrefix.orElse("") + topic)
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new java.util.HashMap<>(consumer.endOffsets(partitions));
            long beat = System.nanoTime();
            long analysedAt = 2_500;
            boolean caughtUp = false;
            ReplayOrder order = new ReplayOrder();
            while (!stopping) {
                order.add(consumer.poll(Duration.ofMillis(200)));
                order.pauseOrResume(consumer);
                boolean fetchedAll = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                List<ConsumerRecord<String, byte[]>> ready = order.ready(fetchedAll ? Set.of()
                        : partitions.stream().filter(tp -> consumer.position(tp) < end.get(tp)).collect(Collectors.toSet()));
                for (int from = 0; from < ready.size(); from += CHUNK) {
                    List<ConsumerRecord<String, byte[]>> part = ready.subList(from, Math.min(ready.size(), from + CHUNK));
                    records.addAndGet(part.size());
                    consumption.applyBatch(VillageEventsConsumer.CONSUMER, part, () -> use(schema), live::apply,
                            (record, why) -> unreadable.incrementAndGet());
                }
                if (System.nanoTime() - beat > 5_000_000_000L) {
                    beat = System.nanoTime();
                    heartbeat(id, records.get(), unreadable.get(), false);
                }
                if (records.get() >= analysedAt * 4) {
                    // fresh tables have no statistics, and the planner would go on treating them as
                    // empty while they grow to millions of rows
                    analysedAt = Math.max(analysedAt * 4, 10_000);
                    analyse(schema);
                }
                if (fetchedAll && order.isEmpty()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        heartbeat(id, records.get(), unreadable.get(), true);
                    }
                    if (swap(id, schema, records.get(), unreadable.get(), () -> consumer.endOffsets(partitions))) {
                        return;
                    }
                    end.putAll(consumer.endOffsets(partitions)); // the live tables are ahead: read on
                }
            }
            fail(id, schema, "the instance running it stopped");
        } catch (WakeupException e) {
            fail(id, schema, "the instance running it stopped");
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %d failed", id);
            fail(id, schema, e.toString());
        } finally {
            reading = null;
        }
    }

    private void analyse(String schema) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : readModels()) {
                em.createNativeQuery("ANALYZE " + schema + "." + table).executeUpdate();
            }
        });
    }

    /** Points this transaction's unqualified table names at the rebuild's tables. */
    private void use(String schema) {
        em.createNativeQuery("SELECT set_config('search_path', :path, true)").setParameter("path", schema + ", public")
                .getSingleResult();
    }

    private void heartbeat(long id, long records, long unreadable, boolean caughtUp) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE rp_rebuild SET heartbeat_at = now(), events = :events, unreadable = :unreadable,
                  caught_up_at = CASE WHEN :caughtUp THEN coalesce(caught_up_at, clock_timestamp()) ELSE caught_up_at END
                WHERE id = :id""").setParameter("events", records - unreadable).setParameter("unreadable", unreadable)
                .setParameter("caughtUp", caughtUp).setParameter("id", id).executeUpdate());
    }

    /**
     * Swaps the rebuilt tables in when they hold every event the live ones hold; false when the live
     * tables are still ahead, or the live tables could not be had within 5 s (tried again later).
     */
    private boolean swap(long id, String schema, long records, long unreadable,
            java.util.function.Supplier<Map<TopicPartition, Long>> topicEnds) {
        String retired = "rp_retired_" + id;
        try {
            boolean swapped = QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("SELECT set_config('lock_timeout', '5s', true)").getSingleResult();
                List<String> tables = readModels();
                for (String table : tables) {
                    em.createNativeQuery("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE").executeUpdate();
                }
                // Behind: a partition where the live tables hold events the new ones do not. Only
                // offsets the topic still has count — live tables made from records since deleted
                // (retention, a topic made anew) can never be matched, and need not be.
                Map<TopicPartition, Long> end = topicEnds.get(); // read with the live tables held: nothing is applied meanwhile
                List<String> behind = new ArrayList<>();
                for (Object row : em.createNativeQuery("SELECT l.topic, l.partition, l.next_offset, coalesce(n.next_offset, 0)"
                        + " FROM public.rp_offset l LEFT JOIN " + schema + ".rp_offset n ON n.topic = l.topic"
                        + " AND n.partition = l.partition").getResultList()) {
                    Object[] r = (Object[]) row;
                    Long topicEnd = end.get(new TopicPartition((String) r[0], ((Number) r[1]).intValue()));
                    long live = Math.min(((Number) r[2]).longValue(), topicEnd == null ? Long.MAX_VALUE : topicEnd);
                    if (((Number) r[3]).longValue() < live) {
                        behind.add(r[0] + "-" + r[1]);
                    }
                }
                if (!behind.isEmpty()) {
                    LOG.debugf("rebuild %d: the live tables are ahead on %s; reading on", id, behind);
                    return false;
                }
                em.createNativeQuery("CREATE SCHEMA " + retired).executeUpdate();
                for (String table : tables) {
                    em.createNativeQuery("ALTER TABLE public." + table + " SET SCHEMA " + retired).executeUpdate();
                    em.createNativeQuery("ALTER TABLE " + schema + "." + table + " SET SCHEMA public").executeUpdate();
                }
                em.createNativeQuery("""
                        UPDATE rp_rebuild SET state = 'SWITCHED', finished_at = clock_timestamp(), heartbeat_at = now(),
                          events = :events, unreadable = :unreadable,
                          repeats = :events - (SELECT count(*) FROM public.message_log)
                        WHERE id = :id""").setParameter("events", records - unreadable).setParameter("unreadable", unreadable)
                        .setParameter("id", id).executeUpdate();
                return true;
            });
            if (swapped) {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("DROP SCHEMA " + retired + " CASCADE").executeUpdate();
                    em.createNativeQuery("DROP SCHEMA " + schema + " CASCADE").executeUpdate();
                });
                LOG.infof("rebuild %d swapped in: %d events read", id, records);
            }
            return swapped;
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %d: could not swap yet (%s); reading on", id, e.toString());
            return false;
        }
    }

    private void fail(long id, String schema, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DROP SCHEMA IF EXISTS " + schema + " CASCADE").executeUpdate();
                em.createNativeQuery("""
                        UPDATE rp_rebuild SET state = 'FAILED', finished_at = clock_timestamp(), error = :error WHERE id = :id""")
                        .setParameter("error", error).setParameter("id", id).executeUpdate();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not record that rebuild %d failed", id);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        KafkaConsumer<String, byte[]> consumer = reading;
        if (consumer != null) {
            consumer.wakeup();
        }
        runner.shutdown();
    }
}
