package io.cunjian.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of work-order writes into a few villages from {@code lanes} clients at once, as
 * from many phones: most orders are created overdue and left open, one in four is driven all the
 * way to VERIFIED with a random quantity of lamps. Every step is retried with its own key until it
 * gets a definite answer, so each write is acknowledged exactly once in the {@link Ledger}, whatever
 * is killed meanwhile. Seeded: the same seed makes the same choices.
 */
public final class WriteStream {

    private final Orders orders;
    private final List<String> villages;
    private final String contractor;
    private final long seed;
    private final int lanes;
    private final int ordersPerLane;
    private final String prefix;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    public WriteStream(E2eStack stack, String prefix, List<String> villages, String contractor, long seed, int lanes, int ordersPerLane) {
        this.orders = new Orders(stack, Duration.ofMinutes(3));
        this.prefix = prefix;
        this.villages = villages;
        this.contractor = contractor;
        this.seed = seed;
        this.lanes = lanes;
        this.ordersPerLane = ordersPerLane;
    }

    public WriteStream start() {
        LocalDate today = LocalDate.now(Truth.CHINA);
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            Thread t = new Thread(() -> {
                Random random = new Random(seed * 31 + l);
                try {
                    for (int i = 0; i < ordersPerLane; i++) {
                        String village = villages.get(random.nextInt(villages.size()));
                        String key = prefix + "-" + l + "-" + i;
                        if (random.nextInt(4) == 0) {
                            orders.verified(village, World.LAMPS, BigDecimal.valueOf(1 + random.nextInt(5)), contractor,
                                    today.plusMonths(1), key);
                        } else {
                            orders.create(village, World.LAMPS, BigDecimal.ONE, today.minusDays(1 + random.nextInt(30)), key);
                        }
                        acknowledged.incrementAndGet();
                    }
                } catch (Throwable e) {
                    broken.add(e);
                }
            }, "e2e-writes-" + lane);
            t.start();
            threads.add(t);
        }
        return this;
    }

    /** Orders fully acknowledged so far (each is one or six writes). */
    public int acknowledged() {
        return acknowledged.get();
    }

    public void awaitAcknowledged(int n, Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() < n && System.nanoTime() < giveUp && broken.isEmpty()) {
            Api.sleep(20);
        }
    }

    /** Waits for every lane; returns what broke a lane (a definite answer other than the expected one). */
    public List<Throwable> finish(Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime())));
            if (t.isAlive()) {
                broken.add(new AssertionError(t.getName() + " still writing after " + timeout));
            }
        }
        return List.copyOf(broken);
    }
}
