package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Truth;
import io.cunjian.e2e.World;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.local.ServiceDescriptor;

/**
 * Scale-out, measured (a benchmark, not a timed test: it asserts only that work was done). Each
 * instance is a separate process under a CPU quota of its own ({@link CpuBudget}, 0.5 CPU), so that
 * a second instance brings CPU of its own instead of sharing the same two cores; beside each rate it
 * prints events per CPU-second of the instances and of PostgreSQL, and the time PostgreSQL's
 * backends waited on locks ({@link PgActivity}).
 * <ul>
 * <li>work-orders' create endpoint with 1 and 2 instances behind one PostgreSQL, closed loop
 * ({@code e2e.scale.clients} callers spread over the instances);</li>
 * <li>reporting's live consumers (one consumer group) draining a backlog of {@code e2e.scale.events}
 * events ({@link EventBacklog}) on topics of {@code e2e.scale.partitions} partitions with 1, 2 and 3
 * instances, each count from an empty database and offset zero.</li>
 * </ul>
 * Each count is measured over a window of {@code e2e.scale.window} s after {@code e2e.scale.warmup} s;
 * {@code -De2e.scale.window=0} measures the full drain instead. Figures: docs/benchmarks/scale-out.md;
 * the choices: docs/adr/0020-measuring-scale-out.md.
 */
class ScaleOutIT {

    static final int EVENTS = Integer.getInteger("e2e.scale.events", 1_000_000);
    static final int PARTITIONS = Integer.getInteger("e2e.scale.partitions", 12);
    static final double CPUS = Double.parseDouble(System.getProperty("e2e.scale.cpus", "0.5"));
    static final int WARMUP = Integer.getInteger("e2e.scale.warmup", 30);
    static final int WINDOW = Integer.getInteger("e2e.scale.window", 60);
    static final int CLIENTS = Integer.getInteger("e2e.scale.clients", 16);
    static final List<Integer> REPORTING = counts("e2e.scale.reporting", "1,2,3");
    static final List<Integer> WORK_ORDERS = counts("e2e.scale.work-orders", "1,2");
    static final List<String> TOPICS = List.of("village.events", "workorder.events", "camera.events");
    static final String TOWNSHIP = "220382106";
    /**
     * Villages the creates go to, in turn, as a county's callers spread over its villages. (Each create's outbox
     * lock is its own order's since ADR 0029; before, creates for one village queued behind each other's commit.)
     */
    static final int VILLAGES = Integer.getInteger("e2e.scale.villages", 30);

    static E2eStack stack;
    /** Records on the three topics once the backlog is written: what a full drain applies (the backlog and the creates' events). */
    static long onTopics;
    static final List<String> results = new ArrayList<>();
    /** The reporting instances running now (the next count stops them first). */
    static final List<ServiceDescriptor> reportingUp = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = E2eStack.start(Integer.getInteger("e2e.scale.brokers", 1));
        try (Admin admin = stack.stack().kafka().admin()) {
            Map<String, NewPartitions> more = new LinkedHashMap<>();
            TOPICS.forEach(t -> more.put(t, NewPartitions.increaseTo(PARTITIONS)));
            admin.createPartitions(more).all().get();
        }
        // nothing is on the new partitions yet; restarted, every producer and consumer sees all of them at once
        for (ServiceDescriptor s : stack.stack().services()) {
            stack.stopInstance(s);
            stack.startInstance(s.name(), 1);
        }
        System.out.printf("SCALE topics %s now have %d partitions; CPU budget %.2f CPU per instance (%s)%n", TOPICS, PARTITIONS, CPUS,
                new CpuBudget(CPUS).active() ? "cgroup v1 cpu quota" : "NOT applied: no writable cgroup v1 cpu controller");
    }

    @AfterAll
    static void stop() {
        results.forEach(r -> System.out.println("SCALE RESULT " + r));
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void workOrdersCreateWithOneAndTwoInstancesAndReportingDrainingWithOneTwoThree() throws Exception {
        List<String> villages = world();
        stack.stopInstance(stack.service("reporting")); // its consumers would take CPU from the create measurement
        for (int n : WORK_ORDERS) {
            createWorkOrders(n, villages);
        }
        for (int i = 2; i <= WORK_ORDERS.stream().max(Integer::compare).orElse(1); i++) {
            stack.stopInstance(stack.service("work-orders-" + i));
        }
        long t0 = System.nanoTime();
        Map<String, Long> backlog = EventBacklog.produce(stack.stack().kafka().bootstrapServers(), EVENTS);
        onTopics = recordsOnTopics();
        System.out.printf("SCALE backlog of %d events %s produced in %.1f s; %d records on the topics in all%n", EVENTS, backlog,
                (System.nanoTime() - t0) / 1e9, onTopics);
        for (int k : REPORTING) {
            drainWithReporting(k);
        }
        // the rows behind docs/operations/scale.md's database sizes: work-orders after the creates, reporting after the last count
        for (ServiceDescriptor s : stack.stack().services()) {
            DatabaseSizes.print(stack.database(), s.name(), s.database());
        }
    }

    private static List<String> world() {
        World world = new World(stack).regions("22", "吉林省", "2203", "四平市", "220382", "县220382", TOWNSHIP, "端到端扩容乡").standard();
        List<String> villages = new ArrayList<>();
        for (int i = 1; i <= VILLAGES; i++) {
            villages.add(TOWNSHIP + String.format("%03d", i));
            world.village(villages.get(i - 1), "扩容" + i + "村", false);
        }
        return villages;
    }

    /** Closed loop: CLIENTS callers create work orders as fast as the answers come, spread over n instances. */
    private static void createWorkOrders(int n, List<String> villages) throws Exception {
        List<ServiceDescriptor> instances = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            instances.add(i == 1 ? stack.service("work-orders") : stack.startInstance("work-orders", i));
        }
        String staff = stack.callers().staff(TOWNSHIP);
        LocalDate due = LocalDate.now(Truth.CHINA).plusMonths(1);
        AtomicLong created = new AtomicLong();
        Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (CpuBudget budget = new CpuBudget(CPUS)) {
            instances.forEach(s -> budget.limit(s.name(), pid(s)));
            List<Thread> callers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int lane = c;
                String url = instances.get(c % n).baseUrl();
                Thread t = new Thread(() -> {
                    for (long i = 0; running.get(); i++) {
                        Api.Answer a = stack.api().post("work-orders", "/api/v1/work-orders").at(url).as(staff)
                                .key("scale-" + n + "-" + lane + "-" + i)
                                .json(Api.obj("villageCode", villages.get((int) (i % villages.size())), "categoryCode", World.LAMPS,
                                        "plannedQuantity", BigDecimal.ONE, "title", "扩容测量", "dueDate", due.toString()))
                                .send();
                        if (a.status() == 201) {
                            created.incrementAndGet();
                        } else {
                            refused.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }, "scale-create-" + c);
                t.start();
                callers.add(t);
            }
            Api.sleep(WARMUP * 1000L);
            Window w = Window.open(instances, "work-orders", created::get, budget);
            refused.clear();
            Api.sleep((WINDOW == 0 ? 60 : WINDOW) * 1000L);
            String line = w.close("work-orders create, " + n + " instance" + (n == 1 ? "" : "s") + ", " + CLIENTS + " callers, "
                    + villages.size() + " villages", "created")
                    + (refused.isEmpty() ? "" : "; not 201 in the window: " + refused);
            running.set(false);
            for (Thread t : callers) {
                t.join(60_000);
            }
            assertThat(w.done).as("orders created in the window with " + n + " instances").isPositive();
            results.add(line);
        }
    }

    /** From an empty database and offset zero, k instances of reporting in one consumer group read the backlog. */
    private static void drainWithReporting(int k) throws Exception {
        List<ServiceDescriptor> instances = new ArrayList<>();
        resetReporting();
        try (CpuBudget budget = new CpuBudget(CPUS)) {
            long started = System.nanoTime();
            for (int i = 1; i <= k; i++) {
                ServiceDescriptor s = stack.startInstance("reporting", i);
                budget.limit(s.name(), pid(s));
                instances.add(s);
                reportingUp.add(s);
            }
            System.out.printf("SCALE reporting: %d instance(s) ready %.1f s after the first was started%n", k,
                    (System.nanoTime() - started) / 1e9);
            Api.sleep(WARMUP * 1000L);
            Window w = Window.open(instances, "reporting", ScaleOutIT::applied, budget);
            if (WINDOW == 0) {
                long last = -1;
                long stalledSince = System.nanoTime();
                for (long now = applied(); now < onTopics; now = applied()) {
                    if (now != last) {
                        last = now;
                        stalledSince = System.nanoTime();
                    } else if (System.nanoTime() - stalledSince > Duration.ofMinutes(2).toNanos()) {
                        throw new AssertionError("the drain stopped at " + now + " of " + onTopics + " records (dead letters?)");
                    }
                    Api.sleep(1000);
                }
            } else {
                Api.sleep(WINDOW * 1000L);
            }
            String line = w.close("reporting live consumers, " + k + " instance" + (k == 1 ? "" : "s") + (WINDOW == 0
                    ? ", full drain after warm-up" : ""), "events applied");
            assertThat(w.done).as("events applied in the window with " + k + " instances").isPositive();
            results.add(line);
        }
    }

    /** Every reporting instance stopped, the group's offsets gone, the database empty: the next count starts from nothing. */
    private static void resetReporting() throws Exception {
        reportingUp.forEach(stack::stopInstance);
        reportingUp.clear();
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Admin admin = stack.stack().kafka().admin()) {
            while (true) {
                try {
                    admin.deleteConsumerGroups(List.of("reporting")).all().get();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                        break;
                    }
                    if (System.nanoTime() > giveUp) {
                        throw e;
                    }
                    Api.sleep(2000); // a member that did not leave cleanly holds the group until its session times out
                }
            }
        }
        Postgres.recreateDatabase(stack.database(), stack.service("reporting").database());
    }

    private static long recordsOnTopics() throws Exception {
        try (Admin admin = stack.stack().kafka().admin()) {
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
            for (String t : TOPICS) {
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new org.apache.kafka.common.TopicPartition(t, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static long applied() {
        Postgres.Server db = stack.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(stack.service("reporting").database()), db.user(), "");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM message_log")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pid(ServiceDescriptor s) {
        return stack.stack().process(s).orElseThrow(() -> new IllegalStateException(s.name() + " is not running")).pid();
    }

    private static List<Integer> counts(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** One measuring window: work done, CPU of the instances and of PostgreSQL, lock waits. */
    static final class Window {
        private final List<Long> pids;
        private final java.util.function.LongSupplier counter;
        private final CpuBudget budget;
        private final PgActivity pg;
        private final long count0;
        private final double cpu0;
        private final double throttled0;
        private final long t0 = System.nanoTime();
        long done;

        private Window(List<Long> pids, java.util.function.LongSupplier counter, CpuBudget budget, PgActivity pg) {
            this.pids = pids;
            this.counter = counter;
            this.budget = budget;
            this.pg = pg;
            this.count0 = counter.getAsLong();
            this.cpu0 = cpu();
            this.throttled0 = budget.throttledSeconds();
        }

        static Window open(List<ServiceDescriptor> instances, String service, java.util.function.LongSupplier counter, CpuBudget budget)
                throws SQLException {
            return new Window(instances.stream().map(ScaleOutIT::pid).toList(), counter, budget,
                    new PgActivity(stack.database(), stack.service(service).database()));
        }

        private double cpu() {
            return pids.stream().mapToDouble(CpuBudget::cpuSeconds).sum();
        }

        String close(String what, String unit) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            done = counter.getAsLong() - count0;
            double cpu = cpu() - cpu0;
            PgActivity.Figures f = pg.stop();
            pg.close();
            String line = String.format("%s (%s): %.0f %s/s over %.0f s (%d); instances %.1f CPU-s = %.2f CPU, %.0f per CPU-s, throttled %.1f s;"
                    + " PostgreSQL %.1f CPU-s, %.0f per CPU-s, %.1f backends active on average; lock waits %.1f s (%s)",
                    what, budget.active() ? String.format("%.2f CPU each", budget.cpus()) : "no CPU budget", done / seconds, unit,
                    seconds, done, cpu, cpu / seconds, done / Math.max(0.001, cpu), budget.throttledSeconds() - throttled0,
                    f.cpuSeconds(), done / Math.max(0.001, f.cpuSeconds()), f.activeBackends(), f.lockWaitSeconds(), f.topWaits());
            System.out.println("SCALE " + line);
            return line;
        }
    }
}
