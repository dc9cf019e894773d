package io.cunjian.chassis.replica;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * How far a replica has read each partition it consumes, and so whether it has read everything its topic
 * held when its consumer last looked (ADR 0028). Per partition: the offset up to which records are
 * applied to the replica's tables, and the partition's end as the consumer itself last measured it (raised
 * at once by any record handed to the replica since). A partition is read to its end when the first is at
 * or past the second; fetched-but-not-yet-applied records count as unread, so a consumer whose buffer
 * holds the village is not "caught up".
 *
 * <p>Unknown is never caught up: a partition not assigned here, one whose end was not measured since it
 * was assigned (a service just started), or a measurement older than {@code staleAfter} (the consumer's
 * thread stopped answering). Kept apart from Kafka's classes so the rule can be tested on its own.
 */
final class PartitionProgress {

    static final long UNKNOWN = -1;

    private static final class Partition {
        final AtomicLong applied;
        /** The end as measured by the consumer; only grows while the partition stays assigned here. */
        final AtomicLong end = new AtomicLong(UNKNOWN);
        /** Past the last record handed to the replica: a record being applied is known before the next measurement. */
        final AtomicLong received = new AtomicLong(UNKNOWN);

        Partition(long applied) {
            this.applied = new AtomicLong(applied);
        }
    }

    private final Duration staleAfter;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private volatile String topic;
    private volatile int partitionCount;
    private volatile Instant measuredAt;

    PartitionProgress(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    /** The consumer took the partition; every record before {@code position} is applied (it was committed). */
    void assigned(TopicPartition partition, long position) {
        topic = partition.topic();
        partitions.put(partition, new Partition(position));
    }

    /** The partition went to another consumer of the group, or was lost: nothing is known of it here any more. */
    void revoked(TopicPartition partition) {
        partitions.remove(partition);
    }

    /** The record at {@code offset} is handed to the replica: the partition holds at least this much. */
    void received(String topic, int partition, long offset) {
        Partition p = partitions.get(new TopicPartition(topic, partition));
        if (p != null) {
            p.received.accumulateAndGet(offset + 1, Math::max);
        }
    }

    /** The record at {@code offset} is applied (or dead-lettered): the replica has read past it. */
    void applied(String topic, int partition, long offset) {
        Partition p = partitions.get(new TopicPartition(topic, partition));
        if (p != null) {
            p.applied.accumulateAndGet(offset + 1, Math::max);
        }
    }

    /**
     * What the consumer measured at {@code at}: each assigned partition's end ({@link #UNKNOWN} or absent when
     * it has not fetched the partition yet) and how many partitions the topic has.
     */
    void measured(Map<TopicPartition, Long> ends, int topicPartitions, Instant at) {
        partitions.forEach((tp, p) -> p.end.accumulateAndGet(ends.getOrDefault(tp, UNKNOWN), Math::max));
        partitionCount = topicPartitions;
        measuredAt = at;
    }

    /**
     * Whether the partition {@code key}'s records go to is read to its end, as last measured. A village's
     * events are keyed by its code, a category's by {@code category:<code>}: this partition holds every event
     * that could have made it known.
     */
    boolean caughtUp(String key, Instant now) {
        Instant at = measuredAt;
        String t = topic;
        int count = partitionCount;
        if (at == null || t == null || count <= 0 || at.plus(staleAfter).isBefore(now)) {
            return false;
        }
        Partition p = partitions.get(new TopicPartition(t, partitionFor(key, count)));
        if (p == null) {
            return false;
        }
        long end = p.end.get();
        long applied = p.applied.get();
        return end != UNKNOWN && applied != UNKNOWN && applied >= Math.max(end, p.received.get());
    }

    /** The partition Kafka's default partitioner (which the outbox relay uses) puts a record with this key in. */
    static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
