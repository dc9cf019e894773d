package io.cunjian.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cunjian.reporting.events.StandardPublished;
import io.cunjian.reporting.events.WorkOrderStatus;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Batches of different villages — of any topic, on any instance — are applied at the same time; a
 * batch of a village another batch holds waits for it; and township figures kept by adding each
 * batch's changes stay equal to a count of the village rows however the batches interleave (ADR 0030).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConcurrentBatchesTest {

    static final AtomicLong OFFSETS = new AtomicLong();

    @Inject
    ProgressProjection projection;
    @Inject
    VillageProgressStore locks;
    @Inject
    EntityManager em;
    @Inject
    DataSource db;

    final ExecutorService threads = Executors.newFixedThreadPool(4);
    final String township = "2297%02d%03d".formatted(new Random().nextInt(100), new Random().nextInt(1000));
    final String standard = "concurrent-" + township;

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aBatchOfOtherVillagesDoesNotWaitAndOneOfTheSameVillageDoes() throws Exception {
        setUp(2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            waitForLocks();
            locks.lockVillages(List.of(village(0)));
            holding.countDown();
            await(release);
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        Future<?> other = threads.submit(() -> apply(List.of(verified("other", village(1), 5))));
        other.get(20, TimeUnit.SECONDS); // fails when batches are serialised as a whole

        Future<?> same = threads.submit(() -> apply(List.of(verified("same", village(0), 7))));
        try {
            same.get(2, TimeUnit.SECONDS);
            throw new AssertionError("a batch of a village another transaction holds went ahead");
        } catch (TimeoutException expected) {
            // waiting, as it must
        }
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        same.get(20, TimeUnit.SECONDS);
        assertThat(query("SELECT quantity FROM rp_village_verified WHERE village_code = '" + village(0) + "'"))
                .containsExactly("7.00");
        assertTownshipFiguresEqualTheirVillages();
    }

    @Test
    void townshipFiguresStayEqualToTheirVillagesUnderConcurrentBatches() throws Exception {
        int villages = 6;
        setUp(villages);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            running.add(threads.submit(() -> {
                Random random = new Random(thread);
                for (int batch = 0; batch < 25; batch++) {
                    List<Arrival> arrivals = new ArrayList<>();
                    for (int e = 0; e < 6; e++) {
                        String id = "t" + thread + "-" + batch + "-" + e;
                        int v = random.nextInt(villages);
                        arrivals.add(random.nextInt(3) == 0 ? opened(id, village(v))
                                : verified(id, village(v), 1 + random.nextInt(60)));
                        if (random.nextInt(10) == 0) {
                            // a batch spanning two days recomputes twice, in two orders of villages
                            arrivals.add(verified(id + "-next-day", village(villages - 1 - v), 3, 1));
                        }
                    }
                    apply(arrivals);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES); // a deadlock or a lost update fails here or below
        }
        assertTownshipFiguresEqualTheirVillages();
    }

    void assertTownshipFiguresEqualTheirVillages() throws SQLException {
        assertThat(query("SELECT villages, demonstration, meeting, progress_sum FROM rp_township_totals WHERE township_code = '"
                + township + "'")).isEqualTo(query("""
                        SELECT count(*), count(*) FILTER (WHERE v.demonstration), count(*) FILTER (WHERE p.meets), sum(p.progress)
                        FROM rp_village_progress p LEFT JOIN rp_village v ON v.code = p.village_code
                        WHERE p.village_code LIKE '%s%%'""".formatted(township)));
        assertThat(query("SELECT item_code, villages, met FROM rp_township_item WHERE township_code = '" + township
                + "' ORDER BY 1")).isEqualTo(query("""
                        SELECT item_code, count(*), count(*) FILTER (WHERE status = 'MET') FROM rp_item_progress
                        WHERE village_code LIKE '%s%%' GROUP BY 1 ORDER BY 1""".formatted(township)));
        assertThat(query("SELECT due_date, open_orders FROM rp_township_open_orders WHERE township_code = '" + township
                + "' AND open_orders <> 0 ORDER BY 1")).isEqualTo(query("""
                        SELECT due_date, count(*) FROM rp_work_order WHERE village_code LIKE '%s%%'
                        AND status IN ('DRAFT', 'ISSUED', 'ASSIGNED', 'IN_PROGRESS', 'REJECTED') GROUP BY 1 ORDER BY 1"""
                .formatted(township)));
        assertThat(query("SELECT sum(quantity) FROM rp_village_verified WHERE village_code LIKE '" + township + "%'"))
                .isEqualTo(query("SELECT sum(verified_quantity) FROM rp_work_order WHERE status = 'VERIFIED' AND village_code LIKE '"
                        + township + "%'"));
    }

    /** A standard of one work item, and villages (every other one a demonstration village) planned to 100 lamps. */
    void setUp(int villages) {
        List<Arrival> arrivals = new ArrayList<>();
        arrivals.add(arrival(new Fact.StandardPublished(standard, "22", "并发", "Concurrent", true, List.of(
                new StandardPublished.Item("street-lighting", "HAVE", "有路灯照明", "Street lighting", "WORK_QUANTITY",
                        List.of("LIGHTING"))))));
        for (int v = 0; v < villages; v++) {
            arrivals.add(arrival(new Fact.VillageRecorded(village(v), "并发村" + v, township, v % 2 == 0, 0)));
            arrivals.add(arrival(new Fact.PlanSet(village(v), 1, standard, LocalDate.parse("2026-12-31"),
                    List.of(new StandardProgress.WorkTarget("street-lighting", "street-lamp-repair", "LAMP", BigDecimal.valueOf(100))),
                    List.of())));
        }
        apply(arrivals);
    }

    void apply(List<Arrival> arrivals) {
        QuarkusTransaction.requiringNew().run(() -> {
            waitForLocks();
            projection.apply(arrivals);
        });
    }

    /** The tests' 1 s lock timeout (for the dead-letter path) would end a wait these tests mean to see. */
    void waitForLocks() {
        em.createNativeQuery("SELECT set_config('lock_timeout', '0', true)").getSingleResult();
    }

    String village(int v) {
        return township + "%03d".formatted(100 + v);
    }

    Arrival verified(String id, String village, int quantity) {
        return verified(id, village, quantity, 0);
    }

    Arrival verified(String id, String village, int quantity, int daysLater) {
        return arrival(new Fact.OrderChanged(standard + id, village, "street-lamp-repair", "LAMP", WorkOrderStatus.VERIFIED,
                BigDecimal.valueOf(quantity), BigDecimal.valueOf(quantity), LocalDate.parse("2026-06-30"), 5), daysLater);
    }

    Arrival opened(String id, String village) {
        return arrival(new Fact.OrderChanged(standard + id, village, "street-lamp-repair", "LAMP", WorkOrderStatus.ISSUED,
                BigDecimal.ONE, null, LocalDate.parse("2026-06-30"), 1), 0);
    }

    Arrival arrival(Fact fact) {
        return arrival(fact, 0);
    }

    Arrival arrival(Fact fact, int daysLater) {
        return new Arrival("workorder.events", "concurrent-test", 0, OFFSETS.incrementAndGet(),
                OffsetDateTime.parse("2026-03-01T10:00:00+08:00").plusDays(daysLater), fact);
    }

    List<String> query(String sql) throws SQLException {
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

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
