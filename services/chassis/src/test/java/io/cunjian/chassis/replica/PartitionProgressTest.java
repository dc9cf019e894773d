package io.cunjian.chassis.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When a replica may say "no such village" (422) instead of "not yet" (503): ADR 0028. */
class PartitionProgressTest {

    private static final String TOPIC = "village.events";
    private static final int PARTITIONS = 6;
    private static final String VILLAGE = "220382105201";
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private final PartitionProgress progress = new PartitionProgress(Duration.ofSeconds(15));
    private final TopicPartition home = new TopicPartition(TOPIC, PartitionProgress.partitionFor(VILLAGE, PARTITIONS));

    @Test
    void aServiceThatHasNotPolledYetKnowsNothing() {
        assertThat(progress.caughtUp(VILLAGE, T0)).as("nothing assigned, nothing measured").isFalse();
        assignAll(0);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("assigned, but no fetch has reported an end yet").isFalse();
        progress.measured(Map.of(), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("measured before the first fetch returned").isFalse();
    }

    @Test
    void caughtUpWhenTheVillagesPartitionIsAppliedToItsEnd() {
        assignAll(0);
        progress.measured(ends(0), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("empty topic, all read").isTrue();

        Map<TopicPartition, Long> ends = ends(0);
        ends.put(home, 3L);
        progress.measured(ends, PARTITIONS, T0.plusSeconds(1));
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(1))).as("three records on its partition not applied").isFalse();
        progress.applied(TOPIC, home.partition(), 0);
        progress.applied(TOPIC, home.partition(), 1);
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(1))).as("fetched is not applied: one left").isFalse();
        progress.applied(TOPIC, home.partition(), 2);
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(1))).isTrue();
    }

    @Test
    void aRecordBeingAppliedIsUnreadBeforeTheNextMeasurementSeesIt() {
        assignAll(4);
        progress.measured(ends(4), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).isTrue();
        progress.received(TOPIC, home.partition(), 4);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("the village's event is being applied").isFalse();
        progress.measured(ends(4), PARTITIONS, T0.plusSeconds(1));
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(1))).as("an older measurement does not undo it").isFalse();
        progress.applied(TOPIC, home.partition(), 4);
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(1))).isTrue();
    }

    @Test
    void eachPartitionCountsOnItsOwn() {
        assignAll(0);
        Map<TopicPartition, Long> ends = ends(0);
        TopicPartition other = new TopicPartition(TOPIC, (home.partition() + 1) % PARTITIONS);
        ends.put(other, 5L);
        progress.measured(ends, PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("another partition's backlog cannot hold this village").isTrue();
        assertThat(progress.caughtUp(keyOn(other), T0)).as("a key on the partition that is behind").isFalse();
    }

    @Test
    void aPartitionAssignedToAnotherInstanceIsUnknownHere() {
        for (int p = 0; p < PARTITIONS; p++) {
            if (p != home.partition()) {
                progress.assigned(new TopicPartition(TOPIC, p), 0);
            }
        }
        progress.measured(ends(0), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).isFalse();

        progress.assigned(home, 7);
        Map<TopicPartition, Long> ends = ends(0);
        ends.put(home, 7L);
        progress.measured(ends, PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("taken over at the committed offset 7, the end").isTrue();
        progress.revoked(home);
        assertThat(progress.caughtUp(VILLAGE, T0)).as("given away again").isFalse();
    }

    @Test
    void anOldMeasurementIsNotTrusted() {
        assignAll(0);
        progress.measured(ends(0), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(15))).isTrue();
        assertThat(progress.caughtUp(VILLAGE, T0.plusSeconds(16))).as("the consumer stopped answering").isFalse();
    }

    @Test
    void anUnknownStartIsNeverCaughtUp() {
        assignAll(PartitionProgress.UNKNOWN);
        progress.measured(ends(0), PARTITIONS, T0);
        assertThat(progress.caughtUp(VILLAGE, T0)).isFalse();
    }

    @Test
    void theKeysPartitionIsTheOneTheProducerChooses() {
        for (String key : new String[] { VILLAGE, "category:street-lamp-repair", "220382201201", "category:x" }) {
            assertThat(PartitionProgress.partitionFor(key, PARTITIONS)).as(key)
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS));
        }
    }

    private void assignAll(long position) {
        for (int p = 0; p < PARTITIONS; p++) {
            progress.assigned(new TopicPartition(TOPIC, p), position);
        }
    }

    private static Map<TopicPartition, Long> ends(long end) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            ends.put(new TopicPartition(TOPIC, p), end);
        }
        return ends;
    }

    private static String keyOn(TopicPartition partition) {
        for (int i = 0;; i++) {
            String key = "2203821052" + String.format("%02d", i % 100) + (i >= 100 ? "x" + i : "");
            if (PartitionProgress.partitionFor(key, PARTITIONS) == partition.partition()) {
                return key;
            }
        }
    }
}
