package io.cunjian.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.cunjian.e2e.Api;
import io.cunjian.e2e.E2eStack;
import io.cunjian.e2e.Faults;
import io.cunjian.e2e.Orders;
import io.cunjian.e2e.Truth;
import io.cunjian.e2e.World;
import io.cunjian.infrastructure.Postgres;
import io.cunjian.infrastructure.Prometheus;
import io.cunjian.local.Monitoring;
import io.cunjian.testing.Browser;
import io.cunjian.testing.DashboardQueries;

/**
 * The monitoring of a running stack, live ({@code start --with-monitoring} on an instance of its
 * own, scraping and evaluating every second): reporting's consumption is stalled while work orders
 * go on being written, and Prometheus's {@code ConsumerLagGrowing} goes pending, then firing, and
 * resolves once reporting is back; the browser photographs Prometheus's alerts page meanwhile.
 * Then every query of the Grafana dashboard runs against that Prometheus. In the sweep: a stack
 * of its own and the alert's minutes take longer than CI can spare (docs/adr/0024-monitoring-the-local-stack.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    static final String TOWNSHIP = "220382341";
    static final String CONTRACTOR = World.uscc("91220382MA14E2EM1");
    static final String ALERT = "ConsumerLagGrowing";

    static E2eStack stack;
    static Prometheus prometheus;

    @BeforeAll
    static void startWithMonitoring() throws Exception {
        Path root = E2eStack.root();
        List<Path> rules = AlertRulesForTheTest.withFasterLagAlert(root,
                root.resolve("e2e/target/alert-rules-" + System.currentTimeMillis()));
        stack = E2eStack.start(1, settings -> settings
                .withEnvironment(Map.of("CUNJIAN_CONSUMER_LAG_POLL_EVERY", "1s"))
                .withMonitoring(Monitoring.isolated(root).every(Duration.ofSeconds(1)).withRuleFiles(rules)));
        prometheus = stack.stack().prometheus();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void lagAlertGoesPendingThenFiringWhileReportingIsStalledAndResolvesWhenItIsBack() throws Exception {
        Faults.prepare(stack, TOWNSHIP, "端到端告警乡", CONTRACTOR); // a township with planned villages to write orders into
        awaitAllTargetsUp();
        // the set-up's own writes may raise a short lag on a fresh instance: start from a quiet reporting
        assertThat(io.cunjian.infrastructure.Processes.await(Duration.ofSeconds(120), () -> "inactive".equals(reportingLagAlert())))
                .as("before the stall; alerts: " + prometheus.alerts()).isTrue();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Orders orders = new Orders(stack, Duration.ofMinutes(2));
        Thread writer = new Thread(() -> {
            LocalDate due = LocalDate.now(Truth.CHINA).plusMonths(1);
            while (writing.get()) {
                int n = written.get();
                orders.create(TOWNSHIP + "001", World.LAMPS, BigDecimal.ONE, due, "lag-alert-" + n);
                written.incrementAndGet();
                Api.sleep(250);
            }
        }, "lag-alert-writes");
        writer.start();

        String db = stack.service("reporting").database();
        Postgres.Server server = stack.database();
        long stalledAt;
        long pendingAt = -1;
        long firingAt = -1;
        long backAt;
        long resolvedAt = -1;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), "");
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS false");
            try {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
                stalledAt = System.nanoTime();
                System.out.println("ALERT reporting's database refuses connections: its consumer stalls, writes go on");
                long giveUp = stalledAt + Duration.ofMinutes(4).toNanos();
                while (firingAt < 0 && System.nanoTime() < giveUp) {
                    String state = reportingLagAlert();
                    if ("pending".equals(state) && pendingAt < 0) {
                        pendingAt = System.nanoTime();
                    } else if ("firing".equals(state)) {
                        firingAt = System.nanoTime();
                    }
                    Api.sleep(500);
                }
                assertThat(pendingAt).as(ALERT + " pending within 4 minutes of the stall; alerts: " + prometheus.alerts()).isPositive();
                assertThat(firingAt).as(ALERT + " firing within 4 minutes of the stall; alerts: " + prometheus.alerts()).isPositive();
                assertThat(pendingAt).as("pending before firing").isLessThan(firingAt);
                JsonNode firing = firingAlert();
                assertThat(firing.path("labels").path("group").asText()).isEqualTo("reporting");
                photographTheAlertsPage();
            } finally {
                st.execute("ALTER DATABASE " + db + " ALLOW_CONNECTIONS true");
            }
        }
        backAt = System.nanoTime();
        writing.set(false);
        writer.join(Duration.ofMinutes(2).toMillis());
        long giveUp = backAt + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUp) {
            if ("inactive".equals(reportingLagAlert())) {
                resolvedAt = System.nanoTime();
                break;
            }
            Api.sleep(500);
        }
        System.out.printf("ALERT %s: %d orders written during the stall; pending %.1f s and firing %.1f s after it began; "
                + "resolved %.1f s after reporting's database was back%n", ALERT, written.get(), (pendingAt - stalledAt) / 1e9,
                (firingAt - stalledAt) / 1e9, (resolvedAt - backAt) / 1e9);
        assertThat(resolvedAt).as(ALERT + " resolved within 3 minutes of reporting being back; alerts: " + prometheus.alerts())
                .isPositive();
        assertThat(io.cunjian.infrastructure.Processes.await(Duration.ofSeconds(60), () -> "0".equals(prometheus
                .query("sum(cunjian_consumer_lag_records{group=\"reporting\"})").path("result").path(0).path("value").path(1).asText())))
                .as("reporting caught up: no lag left").isTrue();
    }

    @Test
    @Order(2)
    void everyDashboardQueryRunsOnMetricsTheServicesAndTheBrokerExpose() throws Exception {
        // a record reporting cannot read: dead-lettered, so the dead-letter panel has its series
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", stack.stack().kafka().bootstrapServers(),
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"))) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("workorder.events", TOWNSHIP + "001",
                    "not a CloudEvent")).get();
        }
        awaitMetric("cunjian_consumer_dead_lettered_total", Duration.ofSeconds(90));
        Path dashboard = E2eStack.root().resolve("deploy/observability/dashboards/cunjian.json");
        List<DashboardQueries.Query> queries = DashboardQueries.of(dashboard);
        assertThat(queries).as("queries in " + dashboard).hasSizeGreaterThan(20);
        // scraped names must be exposed by a target; recorded ones (level:metric:operation) defined by a loaded rule
        java.util.Set<String> scraped = new java.util.TreeSet<>();
        queries.forEach(q -> q.metricNames().stream().filter(n -> !n.contains(":")).forEach(scraped::add));
        io.cunjian.infrastructure.Processes.await(Duration.ofSeconds(60), () -> prometheus.metricNames().containsAll(scraped));
        List<String> exposed = prometheus.metricNames();
        String rules = prometheus.api("rules?type=record").toString();
        List<String> problems = new ArrayList<>();
        for (DashboardQueries.Query q : queries) {
            try {
                prometheus.query(q.runnable());
            } catch (IllegalArgumentException e) {
                problems.add(q.panel() + ": " + q.expr() + " → " + e.getMessage());
            }
            for (String name : q.metricNames()) {
                if (name.contains(":") ? !rules.contains("\"name\":\"" + name + "\"") : !exposed.contains(name)) {
                    problems.add(q.panel() + ": " + name + (name.contains(":") ? " is recorded by no loaded rule"
                            : " is not exposed by any target"));
                }
            }
        }
        System.out.println("DASHBOARD " + queries.size() + " queries run on Prometheus, " + problems.size() + " problems");
        assertThat(problems).isEmpty();
    }

    /** Prometheus finds its targets a few seconds after it starts: waits for all five jobs, each up. */
    private static void awaitAllTargetsUp() {
        List<String> jobs = new ArrayList<>();
        List<String> down = new ArrayList<>();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            jobs.clear();
            down.clear();
            for (JsonNode t : prometheus.targets()) {
                jobs.add(t.path("labels").path("job").asText());
                if (!"up".equals(t.path("health").asText())) {
                    down.add(t.path("labels").path("job").asText() + " " + t.path("lastError").asText());
                }
            }
            Api.sleep(500);
        } while ((jobs.size() < 5 || !down.isEmpty()) && System.nanoTime() < giveUp);
        assertThat(jobs).containsExactlyInAnyOrder("village-projects", "work-orders", "camera-inventory", "reporting", "kafka");
        assertThat(down).as("targets not up").isEmpty();
    }

    private static void awaitMetric(String name, Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (!prometheus.metricNames().contains(name) && System.nanoTime() < giveUp) {
            Api.sleep(1000);
        }
        assertThat(prometheus.metricNames()).contains(name);
    }

    /** The lag alert's state for reporting's group: pending, firing or inactive. */
    private static String reportingLagAlert() {
        for (JsonNode a : prometheus.alerts()) {
            if (ALERT.equals(a.path("labels").path("alertname").asText()) && "reporting".equals(a.path("labels").path("group").asText())) {
                return a.path("state").asText();
            }
        }
        return "inactive";
    }

    private static JsonNode firingAlert() {
        for (JsonNode a : prometheus.alerts()) {
            if (ALERT.equals(a.path("labels").path("alertname").asText()) && "firing".equals(a.path("state").asText())
                    && "reporting".equals(a.path("labels").path("group").asText())) {
                return a;
            }
        }
        throw new AssertionError("no firing " + ALERT + " in " + prometheus.alerts());
    }

    /** Prometheus's own alerts page, the lag alert opened: docs/screenshots/prometheus-alerts-lag-firing.png. */
    private static void photographTheAlertsPage() {
        try (Browser b = Browser.desktop()) {
            // Debian's build serves the server-rendered pages under /classic; upstream's under /alerts
            b.open(prometheus.url() + "/classic/alerts");
            if (b.all(By.xpath("//*[contains(text(),'" + ALERT + "')]")).isEmpty()) {
                b.open(prometheus.url() + "/alerts");
            }
            WebElement heading = b.waitFor(By.xpath("//*[contains(text(),'" + ALERT + "')]"));
            b.script("arguments[0].scrollIntoView(true); window.scrollBy(0, -80);", heading);
            heading.click();
            b.until(Duration.ofSeconds(10), d -> d.getPageSource().contains("firing") ? true : null);
            Path shot = b.screenshot("prometheus-alerts-lag-firing");
            assertThat(Files.exists(shot)).isTrue();
        }
    }
}
