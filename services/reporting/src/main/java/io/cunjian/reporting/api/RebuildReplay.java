package io.cunjian.reporting.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.cunjian.chassis.events.KafkaClientSettings;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.reporting.domain.EventReplay;
import io.cunjian.reporting.domain.ReadPositions;
import io.cunjian.reporting.domain.RebuildTables;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A rebuild's reading (ADR 0010): the three topics from offset zero into the rebuild's tables,
 * through the same consumption and projection as live events. Events are applied in the order they
 * happened across all partitions ({@link ReplayOrder}), as they were when they came live, so that
 * history is made again as it was. Once caught up — the new tables hold every event the live ones do
 * — the tables are swapped; until then it reads on.
 */
@ApplicationScoped
class RebuildReplay implements EventReplay {

    private static final Logger LOG = Logger.getLogger(RebuildReplay.class);
    /** Events per transaction of the replay: large, since each costs a fixed number of statements. */
    static final int CHUNK = 20_000;

    @Inject
    EventConsumption consumption;
    @Inject
    ReportingEventsConsumer live;
    @Inject
    RebuildTables tables;
    @Inject
    TopicNames topics;
    @Inject
    KafkaClientSettings kafka;
    @Inject
    MeterRegistry registry;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reporting-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile KafkaConsumer<String, byte[]> reading;
    // A rebuild's progress on this instance, for the dashboard: records replayed, records still to read
    // up to the end offsets last looked at (0 when none runs here).
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong remaining = new AtomicLong();

    @PostConstruct
    void meters() {
        Gauge.builder("cunjian.rebuild.records.replayed", replayed, AtomicLong::get)
                .description("records the running rebuild has replayed").register(registry);
        Gauge.builder("cunjian.rebuild.records.remaining", remaining, AtomicLong::get)
                .description("records the running rebuild has still to read").register(registry);
    }
    private volatile boolean stopping;

    @Override
    public void start(long rebuildId) {
        runner.submit(() -> run(rebuildId));
    }

    private void run(long id) {
        AtomicLong records = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        // The brokers and their security settings, as the channels have them.
        Properties p = kafka.connection();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, CHUNK);
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            reading = consumer;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(TopicNames.VILLAGE, TopicNames.WORK_ORDER, TopicNames.CAMERA)) {
                consumer.partitionsFor(topics.physical(topic))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
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
                    consumption.applyBatch(ReportingEventsConsumer.CONSUMER, part, () -> tables.use(id), live::apply,
                            (record, why) -> unreadable.incrementAndGet());
                }
                replayed.set(records.get());
                if (System.nanoTime() - beat > 5_000_000_000L) {
                    beat = System.nanoTime();
                    remaining.set(partitions.stream().mapToLong(tp -> Math.max(0, end.get(tp) - consumer.position(tp))).sum()
                            + order.size());
                    tables.heartbeat(id, records.get(), unreadable.get(), false);
                }
                if (records.get() >= analysedAt * 4) {
                    analysedAt = Math.max(analysedAt * 4, 10_000);
                    tables.analyse(id);
                }
                if (fetchedAll && order.isEmpty()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        tables.heartbeat(id, records.get(), unreadable.get(), true);
                    }
                    if (tables.swap(id, records.get(), unreadable.get(), () -> positions(consumer.endOffsets(partitions)))) {
                        return;
                    }
                    end.putAll(consumer.endOffsets(partitions)); // the live tables are ahead: read on
                }
            }
            tables.fail(id, "the instance running it stopped");
        } catch (WakeupException e) {
            tables.fail(id, "the instance running it stopped");
        } catch (RuntimeException e) {
            LOG.errorf(e, "rebuild %d failed", id);
            tables.fail(id, e.toString());
        } finally {
            reading = null;
            remaining.set(0);
        }
    }

    private static Map<ReadPositions.Partition, Long> positions(Map<TopicPartition, Long> offsets) {
        Map<ReadPositions.Partition, Long> positions = new HashMap<>();
        offsets.forEach((tp, offset) -> positions.put(new ReadPositions.Partition(tp.topic(), tp.partition()), offset));
        return positions;
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
