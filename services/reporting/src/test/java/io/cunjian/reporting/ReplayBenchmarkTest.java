package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The live consumers draining a backlog, then a replay of the three topics from offset zero (the
 * online rebuild), beside Kafka's own ConsumerPerformance reading the same topics in the same run.
 * Prints events/s of each; asserts that the live figures equal the ledger of what was produced,
 * that the rebuilt figures equal those the live consumers made, and that every verified quantity
 * counts exactly once. Smoke size in CI; the documented size (docs/benchmarks/reporting-replay.md)
 * is a million mixed events: {@code -Dbenchmark.replay.events=1000000}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "replay"))
@SignedInAs(role = "district-admin", regions = {"22"})
@io.quarkus.test.junit.TestProfile(ReplayBenchmarkTest.ProductionLocks.class)
class ReplayBenchmarkTest {

    /**
     * The three topics' consumers take turns on the villages they recompute; under this load a
     * batch may wait longer than the 1 s lock timeout the other tests use to show the dead-letter
     * path quickly. Here, as in production, they simply wait. The channels start paused, so that
     * the live consumers meet the whole backlog at once, as after an outage or a deployment that
     * stopped them: what is timed is their drain, not how fast this JVM can produce.
     */
    public static class ProductionLocks implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.options",
                    "-c lock_timeout=0"));
            for (String channel : CHANNELS) {
                config.put("mp.messaging.incoming." + channel + ".pausable", "true");
                config.put("mp.messaging.incoming." + channel + ".pausable.initially-paused", "true");
                config.put("mp.messaging.incoming." + channel + ".pausable.buffer-strategy", "BUFFER");
            }
            return config;
        }
    }

    static final List<String> CHANNELS = List.of("village-events", "workorder-events", "camera-events");

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STANDARD = """
            {"id":"bench-standard","scope":"22","nameZh":"基准标准","nameEn":"Benchmark","illustrative":true,"basedOn":null,
             "items":[{"code":"street-lighting","kind":"HAVE","labelZh":"有路灯照明","labelEn":"Street lighting","measure":"WORK_QUANTITY","countsGroups":["LIGHTING"]},
                      {"code":"camera-coverage","kind":"HAVE","labelZh":"有安防监控","labelEn":"Cameras","measure":"CAMERA_COVERAGE","countsGroups":[]},
                      {"code":"no-ruined-walls","kind":"NONE","labelZh":"无残垣断壁","labelEn":"No ruined walls","measure":"INSPECTION","countsGroups":[]}],
             "publishedBy":"system"}""";
    static final String[] LIFECYCLE = {"created", "issued", "assigned", "started", "completed", "verified"};
    static final String[] STATUS = {"DRAFT", "ISSUED", "ASSIGNED", "IN_PROGRESS", "COMPLETED", "VERIFIED"};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    io.smallrye.reactive.messaging.ChannelRegistry channels;

    KafkaProducer<String, byte[]> producer;
    OffsetDateTime clock = OffsetDateTime.parse("2026-01-01T08:00:00+08:00");
    long stepMillis;
    Map<String, Long> sentPerTopic = new HashMap<>();
    Map<String, Boolean> schemaChecked = new HashMap<>();

    @Test
    void replayFromOffsetZero() throws Exception {
        int total = Integer.getInteger("benchmark.replay.events", 20_000);
        int villages = Integer.getInteger("benchmark.replay.villages", Math.max(10, total / 1000));
        int perVillage = 2 + 2 + 4; // village, plan, two zones, four cameras
        int rest = total - 1 - perVillage * villages;
        int orders = rest * 9 / 10 / LIFECYCLE.length;
        int flips = rest - orders * LIFECYCLE.length;
        stepMillis = Duration.ofDays(60).toMillis() / total; // the events of two months
        Random random = new Random(42);
        BigDecimal verifiedSum = BigDecimal.ZERO;

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> kafka = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer = kafka;
            send("village.events", "standard:bench-standard", "cunjian.standard.published.v1", STANDARD);
            for (int v = 0; v < villages; v++) {
                String code = village(v);
                send("village.events", code, "cunjian.village.registered.v1", """
                        {"code":"%s","name":"基准村%d","townshipCode":"%s","demonstration":%s,"version":0}"""
                        .formatted(code, v, code.substring(0, 9), v % 2 == 0));
                send("village.events", code, "cunjian.plan.set.v1", """
                        {"villageCode":"%s","revision":1,"standardId":"bench-standard","deadline":"2026-12-31",
                         "workTargets":[{"itemCode":"street-lighting","categoryCode":"street-lamp-repair","unit":"LAMP","quantity":%d}],
                         "coverageTargets":[{"itemCode":"camera-coverage","requiredCoveragePercent":100,"minimumOperationalCameras":2}],
                         "changedBy":"staff","note":null}""".formatted(code, 50 + v % 100));
                for (int z = 0; z < 2; z++) {
                    send("camera.events", code, "cunjian.camera.zone-coverage-changed.v1", """
                            {"villageCode":"%s","zoneId":%d,"zoneName":"区%d","covered":false,"cause":"HEARTBEAT","villageZones":2,
                             "villageCoveredZones":0}""".formatted(code, 1 + v * 10L + z, z));
                }
                for (int c = 0; c < 4; c++) {
                    send("camera.events", code, "cunjian.camera.registered.v1", """
                            {"serial":"B-%d-%d","villageCode":"%s","zoneId":%d,"model":"DS-2CD","vendor":"海康威视",
                             "position":{"latitude":43.51,"longitude":123.50},"installedOn":"2022-05-01","installer":"某公司",
                             "lifecycle":"OPERATIONAL","version":0}""".formatted(v, c, code, 1 + v * 10L + c % 2));
                }
            }
            int flipEvery = flips == 0 ? Integer.MAX_VALUE : Math.max(1, orders * LIFECYCLE.length / flips);
            int sentFlips = 0;
            for (int o = 0; o < orders; o++) {
                String code = village(random.nextInt(villages));
                int quantity = 1 + random.nextInt(10);
                for (int step = 0; step < LIFECYCLE.length; step++) {
                    send("workorder.events", code, "cunjian.workorder." + LIFECYCLE[step] + ".v1", order(o, code, step, quantity));
                    if ((o * LIFECYCLE.length + step) % flipEvery == 0 && sentFlips < flips) {
                        flip(sentFlips++, villages, random);
                    }
                }
                verifiedSum = verifiedSum.add(BigDecimal.valueOf(quantity));
            }
            while (sentFlips < flips) {
                flip(sentFlips++, villages, random);
            }
            kafka.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        long sent = sentPerTopic.values().stream().mapToLong(Long::longValue).sum();
        assertThat(sent).isEqualTo(total);

        // the live consumers first, on the whole backlog: the figures a rebuild must reach again
        assertThat(count("SELECT count(*) FROM message_log")).as("the channels were paused while producing").isZero();
        long drainStart = System.nanoTime();
        long cpuStart = processCpuNanos();
        CHANNELS.forEach(channel -> channels.getPausable(channel).resume());
        Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM message_log") == total);
        double liveSeconds = (System.nanoTime() - drainStart) / 1e9;
        double liveCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        Map<String, String> before = figures();
        assertThat(before).hasSize(villages);
        assertTownshipsEqualTheirVillages();
        assertThat(sum("SELECT coalesce(sum(verified_quantity), 0) FROM rp_work_order")).isEqualByComparingTo(verifiedSum);

        List<String> kafkaOwn = new ArrayList<>();
        double kafkaSeconds = 0;
        for (var topic : sentPerTopic.entrySet()) {
            String[] line = consumerPerformance(prefix + topic.getKey(), topic.getValue());
            kafkaOwn.add(topic.getKey() + " " + topic.getValue() + " msgs: " + line[5].strip() + " msgs/s (fetch only "
                    + line[9].strip() + ")");
            kafkaSeconds += topic.getValue() / Double.parseDouble(line[9].strip());
        }

        String location = given().post("/api/v1/admin/rebuilds").then().statusCode(201).extract().header("Location");
        Awaitility.await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"BUILDING".equals(given().get(location).then().extract().jsonPath().getString("state")));
        JsonPath rebuild = given().get(location).then().statusCode(200).extract().jsonPath();
        assertThat(rebuild.getString("state")).as(rebuild.prettify()).isEqualTo("SWITCHED");
        assertThat(rebuild.getLong("events")).isEqualTo(total);
        assertThat(rebuild.getLong("repeats")).isZero();
        double replaySeconds = Duration.between(OffsetDateTime.parse(rebuild.getString("startedAt")),
                OffsetDateTime.parse(rebuild.getString("caughtUpAt"))).toMillis() / 1000.0;
        double swapSeconds = Duration.between(OffsetDateTime.parse(rebuild.getString("caughtUpAt")),
                OffsetDateTime.parse(rebuild.getString("finishedAt"))).toMillis() / 1000.0;

        assertThat(figures()).as("the rebuilt figures").isEqualTo(before);
        assertTownshipsEqualTheirVillages();
        assertThat(sum("SELECT coalesce(sum(verified_quantity), 0) FROM rp_work_order")).isEqualByComparingTo(verifiedSum);
        System.out.printf("BENCHMARK reporting replay from offset zero: %d events (%d work-order events of %d orders, %d camera, "
                + "%d village/plan/standard) over %d villages%n", total, sentPerTopic.getOrDefault("workorder.events", 0L), orders,
                sentPerTopic.getOrDefault("camera.events", 0L), sentPerTopic.getOrDefault("village.events", 0L), villages);
        System.out.printf("BENCHMARK   rebuild (online, into fresh tables): %.0f events/s — caught up in %.1f s, swapped in %.2f s later%n",
                total / replaySeconds, replaySeconds, swapSeconds);
        System.out.printf("BENCHMARK   Kafka ConsumerPerformance, same topics, same run: %.0f msgs/s overall; %s%n",
                total / kafkaSeconds, String.join("; ", kafkaOwn));
        System.out.printf("BENCHMARK   live consumers on the backlog: produced in %.1f s with the channels paused, then all applied "
                + "%.1f s after they were resumed (%.0f events/s end to end)%n", produceSeconds, liveSeconds, total / liveSeconds);
        // on a machine shared with other work the rate moves with the load; CPU per event (this JVM: the
        // consumers) and the ratio to Kafka's own consumer move far less
        System.out.printf("BENCHMARK   live phase CPU of this JVM: %.1f CPU-s (%.0f events per CPU-s); %.1f%% of Kafka's rate%n",
                liveCpuSeconds, total / liveCpuSeconds, 100 * (total / liveSeconds) / (total / kafkaSeconds));
    }

    static String village(int v) {
        // 100 villages per township, 10 townships per county
        return String.format("2299%02d%03d%03d", 1 + v / 1000, 100 + (v / 100) % 10, 100 + v % 100);
    }

    static String order(int o, String village, int step, int quantity) {
        String common = """
                "orderId":"bench-%d","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":%d,
                "status":"%s","by":"staff","version":%d""".formatted(o, village, quantity, STATUS[step], step);
        String previous = step == 0 ? "" : ",\"previousStatus\":\"" + STATUS[step - 1] + "\"";
        String contractor = step >= 2 ? ",\"contractorId\":\"91220300MA14ABCD1X\"" : "";
        String extra = switch (step) {
            case 0 -> ",\"title\":\"维修\",\"priority\":\"NORMAL\",\"dueDate\":\"2026-03-31\"";
            case 4 -> ",\"actualQuantity\":%d,\"completedAt\":\"2026-02-01T10:00:00+08:00\",\"photoCount\":1".formatted(quantity);
            case 5 -> ",\"actualQuantity\":%d,\"verifiedQuantity\":%d".formatted(quantity, quantity);
            default -> "";
        };
        return "{" + common + previous + contractor + extra + "}";
    }

    void flip(int n, int villages, Random random) {
        int v = random.nextInt(villages);
        int c = random.nextInt(4);
        send("camera.events", village(v), "cunjian.camera.online-changed.v1", """
                {"serial":"B-%d-%d","villageCode":"%s","zoneId":%d,"online":%s,"lastSeen":"2026-02-01T08:00:00+08:00","cause":"HEARTBEAT"}"""
                .formatted(v, c, village(v), 1 + v * 10L + c % 2, n % 3 != 0));
    }

    void send(String topic, String key, String type, String json) {
        if (schemaChecked.putIfAbsent(type, true) == null) {
            try {
                assertThat(EventsOnTopic.schemaProblems(type, JSON.readTree(json))).as(type + " " + json).isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        clock = clock.plusNanos(stepMillis * 1_000_000);
        RecordHeaders h = new RecordHeaders();
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()}, {"ce_type", type},
                {"ce_source", "/cunjian/benchmark"}, {"ce_time", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock)}, {"ce_subject", key}}) {
            h.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        producer.send(new ProducerRecord<>(prefix + topic, null, key, json.getBytes(StandardCharsets.UTF_8), h));
        sentPerTopic.merge(topic, 1L, Long::sum);
    }

    /** Kafka's own consumer benchmark on one topic, in its own JVM: the columns of its result line. */
    String[] consumerPerformance(String topic, long messages) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("deploy/local/kafka-dist"))) {
            root = root.getParent();
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", root.resolve("deploy/local/kafka-dist/target/lib") + "/*", "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", topic, "--messages", Long.toString(messages), "--timeout", "60000",
                "--group", "bench-" + UUID.randomUUID()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String line = output.lines().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("ConsumerPerformance printed no result: " + output));
        return line.split(",");
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    BigDecimal sum(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /**
     * The township counters the three topics' consumers add to at once (ADR 0030) equal a count of
     * the village rows: totals, villages following and meeting each item, open orders.
     */
    void assertTownshipsEqualTheirVillages() throws SQLException {
        assertThat(rows("SELECT township_code, villages, demonstration, meeting, progress_sum FROM rp_township_totals ORDER BY 1"))
                .isEqualTo(rows("""
                        SELECT substr(p.village_code, 1, 9), count(*), count(*) FILTER (WHERE v.demonstration),
                          count(*) FILTER (WHERE p.meets), sum(p.progress)
                        FROM rp_village_progress p LEFT JOIN rp_village v ON v.code = p.village_code GROUP BY 1 ORDER BY 1"""));
        assertThat(rows("SELECT township_code, item_code, villages, met FROM rp_township_item WHERE villages <> 0 ORDER BY 1, 2"))
                .isEqualTo(rows("""
                        SELECT substr(village_code, 1, 9), item_code, count(*), count(*) FILTER (WHERE status = 'MET')
                        FROM rp_item_progress GROUP BY 1, 2 ORDER BY 1, 2"""));
        assertThat(rows("SELECT township_code, due_date, open_orders FROM rp_township_open_orders WHERE open_orders <> 0 ORDER BY 1, 2"))
                .isEqualTo(rows("""
                        SELECT substr(village_code, 1, 9), due_date, count(*) FROM rp_work_order
                        WHERE status IN ('DRAFT', 'ISSUED', 'ASSIGNED', 'IN_PROGRESS', 'REJECTED') AND due_date IS NOT NULL
                        GROUP BY 1, 2 ORDER BY 1, 2"""));
    }

    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Each village's figures: overall progress, 达标, items met, and each item's status and progress. */
    Map<String, String> figures() throws SQLException {
        Map<String, String> figures = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT v.village_code, v.progress, v.meets, v.items_met,
                  string_agg(i.item_code || '=' || i.status || ':' || i.progress || ':' || i.figures, ' ' ORDER BY i.item_code)
                FROM rp_village_progress v JOIN rp_item_progress i USING (village_code) GROUP BY 1, 2, 3, 4""")) {
            while (rs.next()) {
                figures.put(rs.getString(1), rs.getBigDecimal(2).toPlainString() + " " + rs.getBoolean(3) + " " + rs.getInt(4)
                        + " " + rs.getString(5));
            }
        }
        return figures;
    }
}
