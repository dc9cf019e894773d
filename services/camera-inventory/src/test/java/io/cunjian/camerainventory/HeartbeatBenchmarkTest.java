package io.cunjian.camerainventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a timing test: {@code benchmark.heartbeats.cameras} OPERATIONAL cameras (default
 * 1,000, a smoke size for CI; 10,000 for the documented figure) in 10 villages × 10 zones post
 * heartbeats over HTTP in batches of {@code benchmark.heartbeats.batch} (1,000) from
 * {@code benchmark.heartbeats.clients} (4) clients: one round that brings every camera online,
 * then {@code benchmark.heartbeats.rounds} (5) steady rounds. It prints heartbeats/s and then
 * proves correctness: one online event per camera, one coverage event per zone, and after a part
 * of the cameras fall silent (their last heartbeat moved back past the window) exactly the real
 * flips as events, every zone's stored coverage equal to what its cameras say, and every
 * village's counts right.
 *
 * <pre>./mvnw verify -pl services/camera-inventory -am -Dtest=HeartbeatBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.heartbeats.cameras=10000</pre>
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"48"})
class HeartbeatBenchmarkTest {

    static final int VILLAGES = 10;
    static final int ZONES_PER_VILLAGE = 10;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    DataSource db;
    @Inject
    RegionReplica replica;
    @TestHTTPResource("/api/v1/heartbeats")
    URI heartbeats;

    @Test
    void heartbeatsAreCheapAndEveryFlipIsPublishedOnce() throws Exception {
        int cameras = Integer.getInteger("benchmark.heartbeats.cameras", 1_000);
        int batch = Integer.getInteger("benchmark.heartbeats.batch", 1_000);
        int clients = Integer.getInteger("benchmark.heartbeats.clients", 4);
        int rounds = Integer.getInteger("benchmark.heartbeats.rounds", 5);

        List<String> villages = new ArrayList<>();
        List<Long> zones = new ArrayList<>();
        for (int v = 0; v < VILLAGES; v++) {
            String village = "480101001" + String.format("%03d", v + 1);
            villages.add(village);
            Fixtures.village(bootstrap, prefix, replica, village, "压测村" + v);
            for (int z = 0; z < ZONES_PER_VILLAGE; z++) {
                zones.add(Fixtures.zone(village, "压测区" + z, "OTHER"));
            }
        }
        // The cameras are written straight into the table: the benchmark is about heartbeats, not registration.
        List<String> serials = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO camera (serial, model, vendor, village_code, zone_id, latitude, longitude, lifecycle, version)
                VALUES (?, 'bench', 'bench', ?, ?, 43.5, 123.5, 'OPERATIONAL', 0)""")) {
            for (int i = 0; i < cameras; i++) {
                int zone = i % zones.size();
                String serial = String.format("BM-%06d", i);
                serials.add(serial);
                insert.setString(1, serial);
                insert.setString(2, villages.get(zone / ZONES_PER_VILLAGE));
                insert.setLong(3, zones.get(zone));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        String token = Tokens.districtAdmin("48");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        double first = postAll(http, token, serials, batch, clients, 1);
        double steady = postAll(http, token, serials, batch, clients, rounds);
        System.out.printf("BENCHMARK heartbeats: %d cameras, batches of %d, %d clients: first round (every camera comes online, "
                + "%d online + %d coverage events) %.0f heartbeats/s; %d steady rounds (no event) %.0f heartbeats/s%n",
                cameras, batch, clients, cameras, zones.size(), first, rounds, steady);

        assertThat(rows("cunjian.camera.online-changed.v1")).as("one online event per camera").isEqualTo(cameras);
        assertThat(rows("cunjian.camera.zone-coverage-changed.v1")).as("one coverage event per zone").isEqualTo(zones.size());
        assertThat(query("SELECT count(*) FROM zone WHERE village_code LIKE '480101001%' AND covered")).isEqualTo(zones.size());

        // Village 1 falls silent entirely, village 2 for half its cameras: the timer takes them offline.
        long silent = query("""
                WITH s AS (UPDATE camera SET last_seen = now() - interval '10 minutes'
                    WHERE village_code = '480101001001' OR (village_code = '480101001002' AND substr(serial, 7, 1) IN ('0','2','4','6','8'))
                    RETURNING 1) SELECT count(*) FROM s""");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> query("SELECT count(*) FROM camera WHERE serial LIKE 'BM-%' AND NOT online") == silent);
        Thread.sleep(1500); // a sweep more: nothing may flip twice
        long blindZones = query("""
                SELECT count(*) FROM zone z WHERE z.village_code LIKE '480101001%' AND NOT EXISTS
                    (SELECT 1 FROM camera c WHERE c.zone_id = z.id AND c.lifecycle = 'OPERATIONAL' AND c.online)""");
        System.out.printf("BENCHMARK heartbeats: %d cameras fell silent, %d zones became blind%n", silent, blindZones);
        assertThat(rows("cunjian.camera.online-changed.v1")).as("events = real flips").isEqualTo(cameras + silent);
        assertThat(rows("cunjian.camera.zone-coverage-changed.v1")).isEqualTo(zones.size() + blindZones);
        assertThat(query("""
                SELECT count(*) FROM zone z WHERE z.village_code LIKE '480101001%' AND z.covered <> EXISTS
                    (SELECT 1 FROM camera c WHERE c.zone_id = z.id AND c.lifecycle = 'OPERATIONAL' AND c.online)"""))
                .as("zones whose stored coverage is wrong").isZero();
        assertThat(query("""
                SELECT count(*) FROM village_coverage v WHERE v.village_code LIKE '480101001%' AND (v.zones, v.covered_zones) <>
                    (SELECT count(*), count(*) FILTER (WHERE covered) FROM zone z WHERE z.village_code = v.village_code)"""))
                .as("villages whose counts are wrong").isZero();
        // and what reached Kafka for the silent village: every committed event, schema-checked
        String v1 = villages.get(0);
        long onTopic = EventsOnTopic.forKey(bootstrap, prefix + "camera.events", v1, (int) EventsOnTopic.outboxRows(db, v1)).size();
        assertThat(onTopic).isEqualTo(EventsOnTopic.outboxRows(db, v1));
    }

    /** Posts every serial {@code rounds} times, in batches, from {@code clients} threads; returns heartbeats/s. */
    private double postAll(HttpClient http, String token, List<String> serials, int batch, int clients, int rounds)
            throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < serials.size(); i += batch) {
            bodies.add("{\"serials\":[\"" + String.join("\",\"", serials.subList(i, Math.min(serials.size(), i + batch))) + "\"]}");
        }
        AtomicInteger next = new AtomicInteger();
        int total = bodies.size() * rounds;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(heartbeats)
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n % bodies.size()))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new AssertionError("heartbeats answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (double) serials.size() * rounds / ((System.nanoTime() - start) / 1e9);
    }

    long rows(String type) {
        return query("SELECT count(*) FROM outbox_event WHERE event_key LIKE '480101001%' AND ce_type = '" + type + "'");
    }

    long query(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
