package io.cunjian.reporting.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Merges the partitions of a replay into the order the events happened (their ce_time). Read
 * partition by partition, a replay would apply, say, all camera events of a year before the plans
 * they count against, and history would be made in a different order than it was live. An event
 * is released once every partition still being read has reached its time; partitions that run far
 * ahead are paused so that memory stays bounded.
 */
final class ReplayOrder {

    private static final int PAUSE_ABOVE = 20_000;
    private static final int RESUME_BELOW = 5_000;

    /** A record and its ce_time as nanoseconds since the epoch (all the order needs). */
    private record Timed(long time, ConsumerRecord<String, byte[]> record) {
    }

    private final Map<TopicPartition, ArrayDeque<Timed>> buffers = new HashMap<>();

    void add(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            ArrayDeque<Timed> buffer = buffers.computeIfAbsent(tp, k -> new ArrayDeque<>());
            for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                buffer.add(new Timed(timeOf(r), r));
            }
        }
    }

    /**
     * The events that may be applied now, in time order: all of them once nothing is left to read,
     * else those not later than the latest event seen of every partition in {@code stillReading}.
     */
    List<ConsumerRecord<String, byte[]>> ready(Set<TopicPartition> stillReading) {
        long horizon = Long.MAX_VALUE;
        for (TopicPartition tp : stillReading) {
            ArrayDeque<Timed> buffer = buffers.get(tp);
            if (buffer == null || buffer.isEmpty()) {
                return List.of(); // nothing is known yet of where this partition stands
            }
            horizon = Math.min(horizon, buffer.peekLast().time());
        }
        List<Timed> ready = new ArrayList<>();
        for (ArrayDeque<Timed> buffer : buffers.values()) {
            while (!buffer.isEmpty() && buffer.peekFirst().time() <= horizon) {
                ready.add(buffer.pollFirst());
            }
        }
        ready.sort(Comparator.comparingLong(Timed::time)); // stable: a partition's own order is kept
        return ready.stream().map(Timed::record).toList();
    }

    void pauseOrResume(Consumer<?, ?> consumer) {
        buffers.forEach((tp, buffer) -> {
            if (buffer.size() > PAUSE_ABOVE) {
                consumer.pause(List.of(tp));
            } else if (buffer.size() < RESUME_BELOW && consumer.paused().contains(tp)) {
                consumer.resume(List.of(tp));
            }
        });
    }

    /** Records fetched and held back for ordering, not yet applied. */
    long size() {
        return buffers.values().stream().mapToLong(ArrayDeque::size).sum();
    }

    boolean isEmpty() {
        return buffers.values().stream().allMatch(ArrayDeque::isEmpty);
    }

    /** A record without a readable time goes first; the consumption dead-letters or skips it. */
    private static long timeOf(ConsumerRecord<String, byte[]> r) {
        Header h = r.headers().lastHeader("ce_time");
        if (h == null || h.value() == null) {
            return Long.MIN_VALUE;
        }
        long fast = CeTime.epochNanos(h.value());
        if (fast != CeTime.UNREAD) {
            return fast;
        }
        try {
            Instant t = OffsetDateTime.parse(new String(h.value(), StandardCharsets.UTF_8)).toInstant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }
}
