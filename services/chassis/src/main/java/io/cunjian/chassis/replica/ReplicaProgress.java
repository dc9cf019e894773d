package io.cunjian.chassis.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Whether this service's replica has read all of village.events there is (ADR 0028): then a village or
 * category it does not hold does not exist, and a request naming one is answered 422, not "retry".
 *
 * <p>Measured by the replica's own consumer, never asked of the broker per request: a Kafka consumer learns
 * each partition's end (high watermark) with every fetch, so every {@code cunjian.replica.measure-every} the
 * chassis reads it on the consumer's polling thread ({@code Consumer.currentLag} and {@code position},
 * local values) and keeps it in memory. A request then costs a map lookup. Which records are applied
 * comes from {@link RegionReplicaConsumer} ({@link #applied}); where a partition starts when the consumer
 * takes it, from the rebalance listener this bean is (the channel names it:
 * {@code mp.messaging.incoming.village-events.consumer-rebalance-listener.name=cunjian-replica}).
 */
@ApplicationScoped
@Default // injected as itself too, not only looked up by its name as a listener
@Identifier(ReplicaProgress.LISTENER)
public class ReplicaProgress implements KafkaConsumerRebalanceListener {

    public static final String LISTENER = "cunjian-replica";

    /** The answers of an operation naming a village (or category), for its API document: the same words everywhere. */
    public static final String API_503 = "this service's replica has not yet read all of village.events and does not hold "
            + "the village or category named (it may have been registered a moment ago): retry after Retry-After";
    public static final String API_422 = "the village or category named does not exist (this service's replica has read all "
            + "of village.events; errors names the field), or the Idempotency-Key was used for another request";
    static final String CHANNEL = "village-events";

    private static final Logger LOG = Logger.getLogger(ReplicaProgress.class);
    private static final Duration ASK_FOR = Duration.ofSeconds(5);
    /** A measurement this old means the consumer's thread has stopped answering: nothing is known then. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(15);

    @Inject
    KafkaClientService clients;
    @Inject
    ReplicaSettings settings;

    private final PartitionProgress progress = new PartitionProgress(STALE_AFTER);

    /** Whether the partition {@code key}'s events go to was read to its end when last measured. */
    public boolean caughtUp(String key) {
        return progress.caughtUp(key, Instant.now());
    }

    /** Called before the record is applied: until it is, its partition is not read to its end. */
    void received(ConsumerRecord<?, ?> record) {
        progress.received(record.topic(), record.partition(), record.offset());
    }

    /** Called once the record has been applied to the replica, or given up on (dead-lettered). */
    void applied(ConsumerRecord<?, ?> record) {
        progress.applied(record.topic(), record.partition(), record.offset());
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition p : partitions) {
            long position = PartitionProgress.UNKNOWN;
            try {
                // The group's committed offset (or the topic's start): every record before it was applied.
                position = consumer.position(p, ASK_FOR);
            } catch (RuntimeException e) {
                LOG.warnf("replica: the position of %s is unknown (%s); it counts as not read until it is", p, e);
            }
            progress.assigned(p, position);
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(progress::revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(progress::revoked);
    }

    @Scheduled(identity = "cunjian-replica-progress", every = "${cunjian.replica.measure-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        if (!settings.enabled()) {
            return;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        int count = 0;
        try {
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object>getConsumers(CHANNEL)) {
                Measured m = consumer.runOnPollingThread(ReplicaProgress::ends).await().atMost(ASK_FOR);
                ends.putAll(m.ends());
                count = Math.max(count, m.partitions());
            }
        } catch (RuntimeException e) {
            // Not recorded: the last measurement ages and is no longer trusted after STALE_AFTER.
            LOG.debugf("replica: not measured (%s)", e);
            return;
        }
        progress.measured(ends, count, Instant.now());
    }

    private record Measured(Map<TopicPartition, Long> ends, int partitions) {
    }

    /** On the polling thread: each assigned partition's end as the last fetch reported it; local values only. */
    private static Measured ends(Consumer<Object, Object> consumer) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        String topic = null;
        for (TopicPartition p : consumer.assignment()) {
            topic = p.topic();
            OptionalLong lag = consumer.currentLag(p); // empty until a fetch of the partition returned
            if (lag.isPresent()) {
                try {
                    ends.put(p, consumer.position(p, Duration.ZERO) + lag.getAsLong());
                } catch (RuntimeException e) {
                    // no valid position right now (being reset): unknown this time
                }
            }
        }
        int partitions = 0;
        if (topic != null) {
            try {
                partitions = consumer.partitionsFor(topic, Duration.ZERO).size(); // the consumer's metadata
            } catch (RuntimeException e) {
                // metadata not at hand: unknown this time
            }
        }
        return new Measured(ends, partitions);
    }
}
