package io.cunjian.e2e.sweep;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog of schema-valid events put straight on the three topics, as the services' relays would
 * have published them over two months: per village its registration, plan, two zones and four
 * cameras, then work orders each through created → verified (90 % of the events) with cameras going
 * on and off line in between. The same mix as reporting's replay benchmark
 * (docs/benchmarks/reporting-replay.md), so the figures compare. Villages are {@code 2299…}: a
 * province of their own that no other test writes into.
 */
final class EventBacklog {

    static final String STANDARD = """
            {"id":"bench-standard","scope":"22","nameZh":"基准标准","nameEn":"Benchmark","illustrative":true,"basedOn":null,
             "items":[{"code":"street-lighting","kind":"HAVE","labelZh":"有路灯照明","labelEn":"Street lighting","measure":"WORK_QUANTITY","countsGroups":["LIGHTING"]},
                      {"code":"camera-coverage","kind":"HAVE","labelZh":"有安防监控","labelEn":"Cameras","measure":"CAMERA_COVERAGE","countsGroups":[]},
                      {"code":"no-ruined-walls","kind":"NONE","labelZh":"无残垣断壁","labelEn":"No ruined walls","measure":"INSPECTION","countsGroups":[]}],
             "publishedBy":"system"}""";
    static final String[] LIFECYCLE = {"created", "issued", "assigned", "started", "completed", "verified"};
    static final String[] STATUS = {"DRAFT", "ISSUED", "ASSIGNED", "IN_PROGRESS", "COMPLETED", "VERIFIED"};

    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> sent = new LinkedHashMap<>();
    private OffsetDateTime clock = OffsetDateTime.parse("2026-01-01T08:00:00+08:00");
    private long stepNanos;

    private EventBacklog(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Puts {@code total} events on the topics and waits until the broker has them all; returns the count per topic. */
    static Map<String, Long> produce(String bootstrap, int total) {
        EventBacklog b = new EventBacklog(bootstrap);
        try (b.producer) {
            b.write(total);
            b.producer.flush();
        }
        return b.sent;
    }

    private void write(int total) {
        int villages = Math.max(10, total / 1000);
        int perVillage = 2 + 2 + 4; // village, plan, two zones, four cameras
        int rest = total - 1 - perVillage * villages;
        int orders = rest * 9 / 10 / LIFECYCLE.length;
        int flips = rest - orders * LIFECYCLE.length;
        stepNanos = Duration.ofDays(60).toNanos() / total;
        Random random = new Random(42);
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
        }
        while (sentFlips < flips) {
            flip(sentFlips++, villages, random);
        }
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

    private void flip(int n, int villages, Random random) {
        int v = random.nextInt(villages);
        int c = random.nextInt(4);
        send("camera.events", village(v), "cunjian.camera.online-changed.v1", """
                {"serial":"B-%d-%d","villageCode":"%s","zoneId":%d,"online":%s,"lastSeen":"2026-02-01T08:00:00+08:00","cause":"HEARTBEAT"}"""
                .formatted(v, c, village(v), 1 + v * 10L + c % 2, n % 3 != 0));
    }

    private void send(String topic, String key, String type, String json) {
        clock = clock.plusNanos(stepNanos);
        RecordHeaders h = new RecordHeaders();
        for (String[] header : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()}, {"ce_type", type},
                {"ce_source", "/cunjian/benchmark"}, {"ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock)}, {"ce_subject", key}}) {
            h.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        producer.send(new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), h));
        sent.merge(topic, 1L, Long::sum);
    }
}
