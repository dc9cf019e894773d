package io.cunjian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cunjian.infrastructure.Topics;

/**
 * Three Kafka brokers, every topic with three copies and {@code min.insync.replicas=2}: the broker
 * that leads most partitions of {@code workorder.events} is killed with {@code kill -9} under a
 * steady stream of writes. The other two elect new leaders and keep taking events, so writes keep
 * being acknowledged (what cannot be sent for a moment waits in the outbox); afterwards the ledger
 * and the reports agree (lost 0, counted twice 0) and the broker, restarted, catches up.
 * Runs on an instance of its own (the suite's shared one has one broker unless {@code -De2e.brokers=3}),
 * started and stopped here.
 */
class ClusterFaultsIT {

    static final String COUNTY = "220382";
    static final String CONTRACTOR = World.uscc("91220382MA14E2EF2");
    static final String TOPIC = "workorder.events";

    static E2eStack stack;

    @BeforeAll
    static void threeBrokers() throws Exception {
        stack = E2eStack.start(3);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void leaderBrokerKilledUnderWritesLosesNothingAndWritesCarryOn() throws Exception {
        Faults.Run run = Faults.prepare(stack, COUNTY + "103", "端到端集群丙乡", CONTRACTOR);
        WriteStream writes = run.stream("kill-leader", 6, 40).start();
        writes.awaitAcknowledged(40, Duration.ofMinutes(2));
        int leader = busiestLeader();
        long down = System.nanoTime();
        long acknowledgedAtKill = writes.acknowledged();
        stack.killBroker(leader);
        System.out.println("FAULT kill -9 of Kafka broker " + leader + " (leader of most " + TOPIC + " partitions) after "
                + acknowledgedAtKill + " orders acknowledged");
        double electedAfter = awaitLeadersWithout(leader, Duration.ofSeconds(60)) / 1e9;
        Api.sleep(5000);
        long acknowledgedWhileDown = writes.acknowledged() - acknowledgedAtKill;
        System.out.printf("FAULT new leaders for every partition of %s %.1f s after the kill; %d orders acknowledged"
                + " with broker %d down%n", TOPIC, electedAfter, acknowledgedWhileDown, leader);
        assertThat(acknowledgedWhileDown).as("orders acknowledged while broker " + leader + " was down").isPositive();
        Faults.Outcome outcome = run.settleAndCheck(writes, "kill -9 of the leading broker of three");
        stack.startBroker(leader);
        awaitNoneUnderReplicated(Duration.ofSeconds(60));
        System.out.printf("FAULT broker %d back and caught up %.1f s after the kill; lost %d, counted twice %d%n", leader,
                (System.nanoTime() - down) / 1e9, outcome.lost(), outcome.countedTwice());
    }

    /** The broker that leads the most partitions of the topic now. */
    private static int busiestLeader() throws Exception {
        try (Admin admin = stack.stack().kafka().admin()) {
            TopicDescription d = admin.describeTopics(java.util.List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            Map<Integer, Long> led = d.partitions().stream().filter(p -> p.leader() != null)
                    .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
            System.out.println("FAULT partitions of " + TOPIC + " led per broker: " + led);
            return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** Nanoseconds until every partition of the topic has a leader other than {@code gone}. */
    private static long awaitLeadersWithout(int gone, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        try (Admin admin = stack.stack().kafka().admin()) {
            while (System.nanoTime() - t0 < timeout.toNanos()) {
                TopicDescription d = admin.describeTopics(java.util.List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                if (d.partitions().stream().map(TopicPartitionInfo::leader)
                        .allMatch(l -> l != null && !l.isEmpty() && l.id() != gone)) {
                    return System.nanoTime() - t0;
                }
                Api.sleep(200);
            }
        }
        throw new AssertionError("partitions of " + TOPIC + " still without a leader " + timeout + " after the kill");
    }

    private static void awaitNoneUnderReplicated(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Integer> under = Map.of();
        try (Admin admin = stack.stack().kafka().admin()) {
            while (System.nanoTime() - t0 < timeout.toNanos()) {
                under = Topics.replication(admin, "").stream()
                        .collect(Collectors.toMap(Topics.Replication::name, Topics.Replication::underReplicated));
                if (under.values().stream().allMatch(n -> n == 0)) {
                    return;
                }
                Api.sleep(500);
            }
        }
        assertThat(under).as("under-replicated partitions per topic after the broker's restart")
                .allSatisfy((topic, n) -> assertThat(n).isZero());
    }
}
