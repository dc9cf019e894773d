package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Faults;
import io.cunjian.e2e.World;
import io.cunjian.e2e.WriteStream;
import io.cunjian.infrastructure.Postgres;

/**
 * Two of three Kafka brokers down at once for {@code e2e.outage.seconds} (30 s): the one left can
 * neither take a write (every topic needs two in-sync copies) nor elect anything (no quorum of
 * controllers). The services must keep acknowledging writes — work orders, villages with plans,
 * camera zones — because each write only needs PostgreSQL; the events wait in each service's outbox
 * and the relays publish them once the brokers are back. Afterwards the ledger and the reports agree
 * (lost 0, counted twice 0). Prints the outbox's peak of unsent events per service. Full sweep only:
 * it runs a three-broker instance of its own.
 */
class ClusterOutageIT {

    static final String COUNTY = "220382";
    static final String CONTRACTOR = World.uscc("91220382MA14E2EF3");
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("e2e.outage.seconds", 30));
    static final List<String> PUBLISHERS = List.of("village-projects", "work-orders", "camera-inventory");

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
    void twoOfThreeBrokersDownWritesWaitInTheOutboxAndArriveOnce() throws Exception {
        Faults.Run run = Faults.prepare(stack, COUNTY + "104", "端到端集群丁乡", CONTRACTOR);
        awaitOutboxesEmpty(Duration.ofSeconds(60));
        WriteStream writes = run.stream("two-down", 6, 60).mix(WriteStream.Mix.ALL).start();
        writes.awaitAcknowledged(30, Duration.ofMinutes(2));
        long acknowledgedAtKill = writes.acknowledged();
        List<Integer> down = List.of(1, 2);
        down.forEach(stack::killBroker);
        System.out.println("FAULT kill -9 of Kafka brokers " + down + " of three after " + acknowledgedAtKill
                + " writes acknowledged; broker 3 alone has no quorum and too few copies for any write");

        Map<String, Long> peak = new LinkedHashMap<>();
        PUBLISHERS.forEach(s -> peak.put(s, 0L));
        long until = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < until) {
            unsent().forEach((s, n) -> peak.merge(s, n, Math::max));
            Api.sleep(500);
        }
        long acknowledgedWhileDown = writes.acknowledged() - acknowledgedAtKill;
        Map<String, Long> atReturn = unsent();
        System.out.printf("FAULT %d writes (orders, villages with a plan, zones) acknowledged in %d s with two brokers down; unsent in the outboxes now %s%n",
                acknowledgedWhileDown, OUTAGE.toSeconds(), atReturn);
        long back = System.nanoTime();
        down.forEach(stack::startBroker);
        System.out.printf("FAULT brokers %s back %.1f s after the kill%n", down, OUTAGE.toSeconds() + (System.nanoTime() - back) / 1e9);

        Faults.Outcome outcome = run.settleAndCheck(writes, "two of three Kafka brokers down for " + OUTAGE.toSeconds() + " s");
        double drained = awaitOutboxesEmpty(Duration.ofMinutes(1)) / 1e9;
        System.out.printf("FAULT RESULT two of three brokers down %d s: %d writes acknowledged while down; outbox peak (unsent events)"
                + " per service %s, every outbox empty %.1f s after the figures settled; lost %d, counted twice %d%n",
                OUTAGE.toSeconds(), acknowledgedWhileDown, peak, drained, outcome.lost(), outcome.countedTwice());
        assertThat(acknowledgedWhileDown).as("writes acknowledged while two brokers were down").isPositive();
        assertThat(peak.values().stream().mapToLong(Long::longValue).sum())
                .as("events that waited in the outboxes while the brokers were down").isPositive();
    }

    /** Unsent outbox rows per publishing service. */
    private static Map<String, Long> unsent() {
        Map<String, Long> n = new LinkedHashMap<>();
        Postgres.Server db = stack.database();
        for (String service : PUBLISHERS) {
            String name = stack.service(service).database();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(name), db.user(), "");
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                n.put(service, rs.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException("reading " + name + "'s outbox", e);
            }
        }
        return n;
    }

    /** Nanoseconds until no outbox holds an unsent event. */
    private static long awaitOutboxesEmpty(Duration timeout) {
        long t0 = System.nanoTime();
        Map<String, Long> left = unsent();
        while (left.values().stream().anyMatch(v -> v > 0)) {
            if (System.nanoTime() - t0 > timeout.toNanos()) {
                throw new AssertionError("events still unsent " + timeout + " after the brokers came back: " + left);
            }
            Api.sleep(250);
            left = unsent();
        }
        return System.nanoTime() - t0;
    }
}
