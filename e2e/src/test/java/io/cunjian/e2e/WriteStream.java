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

    /** ORDERS: work orders only; ALL: also new villages with plans (village-projects) and zones (camera-inventory). */
    public enum Mix { ORDERS, ALL }

    private final Orders orders;
    private final Api api;
    private final Callers who;
    private Mix mix = Mix.ORDERS;
    private List<String> workOrdersInstances = List.of();
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
        this.api = stack.api();
        this.who = stack.callers();
        this.prefix = prefix;
        this.villages = villages;
        this.contractor = contractor;
        this.seed = seed;
        this.lanes = lanes;
        this.ordersPerLane = ordersPerLane;
    }

    public WriteStream mix(Mix mix) {
        this.mix = mix;
        return this;
    }

    /** Spreads the lanes over these work-orders instances (scale-out). */
    public WriteStream over(List<String> workOrdersBaseUrls) {
        this.workOrdersInstances = workOrdersBaseUrls;
        return this;
    }

    public WriteStream start() {
        LocalDate today = LocalDate.now(Truth.CHINA);
        for (int lane = 0; lane < lanes; lane++) {
            int l = lane;
            Thread t = new Thread(() -> {
                Random random = new Random(seed * 31 + l);
                Orders client = workOrdersInstances.isEmpty() ? orders : orders.at(workOrdersInstances.get(l % workOrdersInstances.size()));
                try {
                    for (int i = 0; i < ordersPerLane; i++) {
                        String village = villages.get(random.nextInt(villages.size()));
                        String key = prefix + "-" + l + "-" + i;
                        int kind = random.nextInt(mix == Mix.ALL ? 8 : 4);
                        if (kind == 0) {
                            client.verified(village, World.LAMPS, BigDecimal.valueOf(1 + random.nextInt(5)), contractor,
                                    today.plusMonths(1), key);
                        } else if (kind >= 6) {
                            newVillageWithPlan(village.substring(0, 9) + String.format("%03d", 100 + l * ordersPerLane + i), key);
                        } else if (kind >= 4) {
                            api.post("camera-inventory", "/api/v1/zones").as(who.districtAdmin("22")).key(key + "-zone")
                                    .json(Api.obj("villageCode", village, "name", "区" + key, "kind", "OTHER"))
                                    .sendUntilDefinite(Duration.ofMinutes(3));
                        } else {
                            client.create(village, World.LAMPS, BigDecimal.ONE, today.minusDays(1 + random.nextInt(30)), key);
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

    private void newVillageWithPlan(String code, String key) {
        expect(api.post("village-projects", "/api/v1/villages").as(who.districtAdmin("22")).key(key + "-village")
                .json(Api.obj("code", code, "townshipCode", code.substring(0, 9), "name", "新村" + code.substring(9), "demonstration", false))
                .sendUntilDefinite(Duration.ofMinutes(3)), 201);
        // the first plan is a PUT without If-Match: sent again after a lost answer it finds the plan there (412/428), which is fine
        Api.Answer plan = api.put("village-projects", "/api/v1/villages/" + code + "/plan").as(who.districtAdmin("22"))
                .json(Api.obj("standardId", World.STANDARD, "workTargets", List.of(Api.obj("itemCode", "street-lighting",
                        "categoryCode", World.LAMPS, "quantity", 100_000))))
                .sendUntilDefinite(Duration.ofMinutes(3));
        if (plan.status() == 428 || plan.status() == 412) {
            // acknowledged on the retry: the plan is there (its first answer was lost)
            Api.Answer there = api.get("village-projects", "/api/v1/villages/" + code + "/plan").as(who.districtAdmin("22"))
                    .sendUntilDefinite(Duration.ofMinutes(1));
            expect(there, 200);
            api.ledger().record("village-projects", "PUT", "/api/v1/villages/" + code + "/plan", null, 201, there.json());
        } else {
            expect(plan, 201);
        }
    }

    private static void expect(Api.Answer a, int status) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + ", got " + a);
        }
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
