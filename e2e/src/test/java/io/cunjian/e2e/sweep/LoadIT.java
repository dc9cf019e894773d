package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.Callers;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Faults;
import io.cunjian.e2e.Truth;
import io.cunjian.e2e.World;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.local.ServiceDescriptor;

/**
 * Open-loop load at fixed offered rates (requests start on schedule whatever the answers do, and
 * latency counts from the scheduled start, so queueing shows): create-work-order at several rates,
 * then mixed writes across three services; meanwhile a prober measures freshness (a write
 * acknowledged → visible in reporting's roll-up). Beside it, pgbench runs the same two inserts
 * (work order + outbox row) against the same PostgreSQL. Figures go to docs/benchmarks.md.
 * Settings: {@code -De2e.load.rates=20,40,80,160 -De2e.load.seconds=20 -De2e.load.mixed.rate=40
 * -De2e.load.mixed.seconds=60}.
 */
@ExtendWith(E2eStack.Extension.class)
class LoadIT {

    static final String TOWNSHIP = "220382341";
    static final String PROBE_TOWNSHIP = "220382342";

    record Phase(String name, int offered, double seconds, long ok, Map<Integer, Long> errors, double throughput, double p50, double p99,
            double p999, double machineCpu, double serviceCpuSeconds) {
        @Override
        public String toString() {
            return String.format("| %s | %d/s | %.0f s | %d | %.1f/s | %.1f | %.1f | %.1f | %s | %.0f %% | %.1f |", name, offered, seconds, ok,
                    throughput, p50, p99, p999, errors.isEmpty() ? "0" : errors.toString(), machineCpu, serviceCpuSeconds);
        }
    }

    @Test
    void openLoopLoadAndFreshness(E2eStack stack) throws Exception {
        List<Integer> rates = Arrays.stream(System.getProperty("e2e.load.rates", "20,40,80,160").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        int seconds = Integer.getInteger("e2e.load.seconds", 20);
        int mixedRate = Integer.getInteger("e2e.load.mixed.rate", 40);
        int mixedSeconds = Integer.getInteger("e2e.load.mixed.seconds", 60);
        Api api = stack.api();
        Callers who = stack.callers();
        World world = new World(stack).regions("22", "吉林省", "2203", "四平市", "220382", "双辽市", TOWNSHIP, "端到端负载乡",
                PROBE_TOWNSHIP, "端到端新鲜度乡").standard();
        List<String> villages = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String v = TOWNSHIP + String.format("%03d", i);
            world.village(v, "负载" + i + "村", false);
            // a plan names the standard whose items the mixed phase inspects (without one an inspection is a 409)
            world.plan(v, List.of(World.target("street-lighting", World.LAMPS, 100_000)), BigDecimal.valueOf(100));
            villages.add(v);
        }
        String probeVillage = PROBE_TOWNSHIP + "001";
        world.village(probeVillage, "新鲜度村", false);
        // wait until work-orders' replica knows every village (503, or a 422 unknown-reference, until then: Api)
        for (String v : villages) {
            api.post("work-orders", "/api/v1/work-orders").as(who.staff(TOWNSHIP)).key("warm-" + v)
                    .json(create(v, LocalDate.now(Truth.CHINA).plusDays(30))).expect(201);
        }
        String staff = who.staff(TOWNSHIP);
        String admin = who.districtAdmin("22");
        Random random = new Random(Faults.SEED);
        LocalDate past = LocalDate.now(Truth.CHINA).minusDays(2);

        Prober prober = new Prober(stack, probeVillage);
        prober.start();
        List<Phase> phases = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        for (int rate : rates) {
            phases.add(openLoop(stack, "create work order", rate, seconds, i -> {
                String v = villages.get(Math.floorMod(i * 7919, villages.size()));
                Api.Answer a = api.post("work-orders", "/api/v1/work-orders").as(staff).key("load-" + n.incrementAndGet())
                        .json(create(v, past)).send();
                if (a.status() == 201) {
                    created.add(a.json().path("id").asText());
                }
                return a;
            }));
        }
        phases.add(openLoop(stack, "mixed writes", mixedRate, mixedSeconds, i -> {
            int kind = Math.floorMod(i * 31 + 7, 10);
            String v = villages.get(Math.floorMod(i * 7919, villages.size()));
            if (kind < 5) {
                return api.post("work-orders", "/api/v1/work-orders").as(staff).key("mixed-" + n.incrementAndGet()).json(create(v, past)).send();
            } else if (kind < 7) {
                String id = created.poll();
                return id == null ? api.get("work-orders", "/api/v1/work-orders?region=" + TOWNSHIP + "&size=20").as(staff).send()
                        : api.post("work-orders", "/api/v1/work-orders/" + id + "/issue").as(staff).key("issue-" + id).send();
            } else if (kind < 9) {
                return api.post("village-projects", "/api/v1/villages/" + v + "/inspections").as(admin).key("insp-" + n.incrementAndGet())
                        .json(Api.obj("itemCode", "sanitary-toilets", "verdict", random.nextBoolean() ? "PASS" : "FAIL", "inspectedOn",
                                LocalDate.now(Truth.CHINA).toString())).send();
            }
            return api.post("camera-inventory", "/api/v1/zones").as(admin).key("zone-load-" + n.incrementAndGet())
                    .json(Api.obj("villageCode", v, "name", "负载区" + i, "kind", "OTHER")).send();
        }));
        prober.stop();
        String pgbench = pgbench(stack);

        System.out.println("LOAD on " + Runtime.getRuntime().availableProcessors() + " cores, seed " + Faults.SEED);
        System.out.println("| phase | offered | duration | 2xx | throughput | p50 ms | p99 ms | p99.9 ms | errors | machine CPU | services CPU-s |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        phases.forEach(System.out::println);
        System.out.println("FRESHNESS (write acknowledged → visible in reporting's region roll-up) under the load above: " + prober.summary());
        System.out.println("PGBENCH the same two inserts (work order + outbox row), 16 clients, same PostgreSQL: " + pgbench);
        assertThat(phases.get(0).errors()).as("errors at the lowest offered rate").isEmpty();
        assertThat(prober.samples()).as("freshness samples").isNotEmpty();
    }

    static Map<String, Object> create(String village, LocalDate due) {
        return Map.of("villageCode", village, "categoryCode", World.LAMPS, "plannedQuantity", 3, "title", "负载测试路灯维修",
                "dueDate", due.toString());
    }

    /** Starts {@code rate × seconds} requests on schedule, whatever the earlier ones are doing. */
    static Phase openLoop(E2eStack stack, String name, int rate, int seconds, IntFunction<Api.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(400, rate * 4));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        long[] cpu0 = machineCpu();
        double svc0 = servicesCpu(stack);
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int k = i;
            pool.submit(() -> {
                Api.Answer a = request.apply(k);
                latencies.add(System.nanoTime() - scheduled);
                if (a.ok()) {
                    ok.incrementAndGet();
                } else {
                    errors.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        long[] cpu1 = machineCpu();
        double busy = 100.0 * (cpu1[0] - cpu0[0]) / Math.max(1, cpu1[1] - cpu0[1]);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<Integer, Long> errs = new TreeMap<>();
        errors.forEach((s, c) -> errs.put(s, c.get()));
        Phase p = new Phase(name, rate, took, ok.get(), errs, ok.get() / took, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999),
                busy, servicesCpu(stack) - svc0);
        System.out.println("LOAD " + p);
        return p;
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** {busy, total} jiffies of the whole machine (/proc/stat). */
    static long[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return new long[] {0, 1};
        }
    }

    static double servicesCpu(E2eStack stack) {
        return stack.stack().processes().stream().mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0))
                .sum();
    }

    /** Creates an overdue order every half second in its own township and times until the roll-up counts it. */
    static final class Prober {
        private final Api api;
        private final String staff;
        private final String viewer;
        private final String village;
        private final List<Double> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        Prober(E2eStack stack, String village) {
            this.api = stack.api();
            this.staff = stack.callers().staff(village.substring(0, 9));
            this.viewer = stack.callers().viewer("22");
            this.village = village;
        }

        void start() {
            thread = new Thread(() -> {
                int k = 0;
                while (running) {
                    Api.Answer a = api.post("work-orders", "/api/v1/work-orders").as(staff).key("probe-" + k)
                            .json(create(village, LocalDate.now(Truth.CHINA).minusDays(1))).sendUntilDefinite(Duration.ofSeconds(30));
                    if (a.status() != 201) {
                        continue;
                    }
                    k++;
                    long acked = System.nanoTime();
                    while (running && System.nanoTime() - acked < 60_000_000_000L) {
                        Api.Answer r = api.get("reporting", "/api/v1/reports/regions/" + village.substring(0, 9)).as(viewer).send();
                        if (r.status() == 200 && r.json().path("overdueWorkOrders").asLong() >= k) {
                            samples.add((System.nanoTime() - acked) / 1e6);
                            break;
                        }
                        Api.sleep(20);
                    }
                    Api.sleep(500);
                }
            }, "e2e-freshness");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(70_000);
        }

        List<Double> samples() {
            return samples;
        }

        String summary() {
            double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (s.length == 0) {
                return "no samples";
            }
            return String.format("%d samples, p50 %.0f ms, p99 %.0f ms, max %.0f ms", s.length, s[(int) Math.ceil(0.5 * s.length) - 1],
                    s[(int) Math.ceil(0.99 * s.length) - 1], s[s.length - 1]);
        }
    }

    /** pgbench of the same two inserts in a scratch copy of work-orders' schema on the same server. */
    static String pgbench(E2eStack stack) throws Exception {
        Postgres.Server server = stack.database();
        ServiceDescriptor wo = stack.service("work-orders");
        String bench = wo.database() + "_bench";
        Postgres.recreateDatabase(server, bench);
        Path dir = Files.createTempDirectory("e2e-pgbench");
        try {
            Path schema = dir.resolve("schema.sql");
            run(dir, "pg_dump", "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user(), "-s", "-t", "work_order",
                    "-t", "outbox_event", "-t", "contractor", "-f", schema.toString(), wo.database());
            run(dir, "psql", "-q", "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user(), "-f", schema.toString(),
                    bench);
            Path script = dir.resolve("two-inserts.sql");
            Files.writeString(script, String.join("\n",
                    "BEGIN;",
                    "INSERT INTO work_order (id, village_code, category_code, unit, title, planned_quantity, due_date, priority, status,"
                            + " created_by, version) VALUES (gen_random_uuid(), '220382341001', 'street-lamp-repair', 'LAMP', '负载测试路灯维修', 3,"
                            + " current_date, 'NORMAL', 'DRAFT', 'bench', 0);",
                    "INSERT INTO outbox_event (ce_id, ce_type, ce_source, ce_time, topic, event_key, key_bucket, payload) VALUES"
                            + " (gen_random_uuid(), 'cunjian.workorder.created.v1', 'work-orders', now(), 'workorder.events', '220382341001', 7,"
                            + " convert_to('{\"orderId\":\"bench\",\"villageCode\":\"220382341001\"}', 'UTF8'));",
                    "END;", ""));
            String out = run(dir, "pgbench", "-n", "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.user(),
                    "-f", script.toString(), "-c", "16", "-j", "2", "-T", "15", bench);
            return out.lines().filter(l -> l.startsWith("tps") || l.contains("latency average")).map(String::strip)
                    .reduce((a, b) -> a + "; " + b).orElse(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
            try (var c = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
                 var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + bench + " WITH (FORCE)");
            }
        }
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
