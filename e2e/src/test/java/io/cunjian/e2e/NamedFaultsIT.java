package io.cunjian.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The two faults CI runs (ADR 0012): work-orders killed with {@code kill -9} while its outbox relay
 * has rows in hand, and the Kafka broker killed and restarted on its own data, each under a steady
 * stream of writes. Afterwards the acknowledged writes and the reports agree: lost = 0, counted
 * twice = 0. The seed is printed; {@code -De2e.seed=<n>} replays the same stream.
 */
@ExtendWith(E2eStack.Extension.class)
class NamedFaultsIT {

    static final String COUNTY = "220382";
    static final String CONTRACTOR = World.uscc("91220382MA14E2EF1");

    @Test
    void workOrdersKilledMidRelayBatchLosesNothingAndCountsNothingTwice(E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, COUNTY + "101", "端到端故障甲乡", CONTRACTOR);
        WriteStream writes = run.stream("kill-wo", 6, 40).start();
        writes.awaitAcknowledged(40, Duration.ofMinutes(2));
        long pending = awaitPendingOutboxRows(stack, Duration.ofSeconds(15));
        stack.kill("work-orders");
        long killedAt = System.nanoTime();
        System.out.println("FAULT kill -9 work-orders with " + pending + " outbox rows not yet published, after "
                + writes.acknowledged() + " orders acknowledged");
        Api.sleep(2000); // clients keep retrying against a dead port
        stack.restart("work-orders");
        System.out.printf("FAULT work-orders back after %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        run.settleAndCheck(writes, "kill -9 work-orders mid relay batch");
    }

    @Test
    void brokerRestartedUnderWritesLosesNothingAndCountsNothingTwice(E2eStack stack) throws Exception {
        Faults.Run run = Faults.prepare(stack, COUNTY + "102", "端到端故障乙乡", CONTRACTOR);
        WriteStream writes = run.stream("kafka-restart", 6, 40).start();
        writes.awaitAcknowledged(40, Duration.ofMinutes(2));
        long down = System.nanoTime();
        stack.killBroker();
        System.out.println("FAULT kill -9 of the Kafka broker after " + writes.acknowledged() + " orders acknowledged");
        Api.sleep(5000);
        stack.startBroker();
        System.out.printf("FAULT broker back after %.1f s, %d orders acknowledged meanwhile%n", (System.nanoTime() - down) / 1e9,
                writes.acknowledged());
        run.settleAndCheck(writes, "Kafka broker restart");
    }

    /** Polls work-orders' outbox until rows wait there unpublished (the relay has a batch in hand), at most {@code timeout}. */
    static long awaitPendingOutboxRows(E2eStack stack, Duration timeout) throws Exception {
        String url = stack.database().jdbcUrl(stack.service("work-orders").database());
        long giveUp = System.nanoTime() + timeout.toNanos();
        long pending = 0;
        try (Connection c = DriverManager.getConnection(url, stack.database().user(), ""); Statement st = c.createStatement()) {
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                    rs.next();
                    pending = rs.getLong(1);
                }
                if (pending >= 3) {
                    break;
                }
                Api.sleep(5);
            }
        }
        return pending;
    }
}
