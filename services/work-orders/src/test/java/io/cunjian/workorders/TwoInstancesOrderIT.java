package io.cunjian.workorders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.OwnInfrastructure;
import io.cunjian.testing.PackagedService;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two instances on one database take interleaved changes to the orders of ONE village — several callers racing for
 * the same order's next step — while their relays are off, so every order's events wait in the outbox together; then
 * two other instances start relaying that backlog at once. The outbox orders events per order, not per village
 * (docs/design.md, "Delivery guarantees"), so orders of one village commit side by side; what must hold is that each
 * order's events reach the topic once each, in the order they committed (versions 0, 1, 2, 3), whichever instance
 * made them and whichever published them.
 */
@ExtendWith(OwnInfrastructure.class)
class TwoInstancesOrderIT {

    static final String VILLAGE = "460106001001";
    static final String CATEGORY = "wo-order-lamp";
    static final int ORDERS = 8;
    static final List<String> STEPS = List.of("issue", "assign", "start");

    @Test
    void eachOrdersEventsLeaveOnceInCommitOrderFromTwoInstances() throws Exception {
        Map<String, String> config = RealInfrastructure.config();
        String bootstrap = config.get("kafka.bootstrap.servers");
        String prefix = config.get("cunjian.kafka.topic-prefix");
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", VILLAGE, RegionReplica.REGISTERED, "{\"code\":\"" + VILLAGE
                    + "\",\"name\":\"并发村\",\"level\":\"VILLAGE\",\"parentCode\":\"460106001\",\"version\":0}");
            events.send(prefix + "village.events", "category:" + CATEGORY, CategoryReplica.DEFINED, "{\"code\":\"" + CATEGORY
                    + "\",\"nameZh\":\"路灯\",\"nameEn\":\"Lamps\",\"unit\":\"LAMP\",\"unitZh\":\"盏\",\"group\":\"LIGHTING\",\"version\":0}");
        }
        String admin = Tokens.districtAdmin("46");
        String contractorId = Fixtures.contractorId("0601");
        try (PackagedService a = new PackagedService(Path.of(""), config, "order-a").with("cunjian.outbox.relay.enabled", "false").start();
             PackagedService b = new PackagedService(Path.of(""), config, "order-b").with("cunjian.outbox.relay.enabled", "false").start()) {
            List<String> bases = List.of(a.baseUrl(), b.baseUrl());
            given().baseUri(a.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + contractorId + "\",\"name\":\"并发测试公司\"}").post("/api/v1/contractors").then().statusCode(201);
            for (String base : bases) { // both replicas know the village before the race
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> create(base, admin).statusCode() != 503);
            }

            // Creates in one village from both instances at once, then every order's steps raced by four callers.
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<String>> creates = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String base = bases.get(i % 2);
                creates.add(callers.submit(() -> create(base, admin).then().statusCode(201).extract().<String>path("id")));
            }
            List<String> orders = new ArrayList<>();
            for (Future<String> f : creates) {
                orders.add(f.get());
            }
            Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
            List<Future<?>> races = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Random random = new Random(c);
                races.add(callers.submit(() -> {
                    for (String step : STEPS) {
                        for (String order : orders) {
                            String base = bases.get(random.nextInt(2));
                            String body = step.equals("assign") ? "{\"contractorId\":\"" + contractorId + "\"}" : "{}";
                            String token = step.equals("start") ? Tokens.contractor(contractorId, "46") : admin;
                            Response r = given().baseUri(base).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                                    .post("/api/v1/work-orders/" + order + "/" + step);
                            // the first caller to take a step wins; the others find the order already past it
                            assertThat(r.statusCode()).as(step + " " + r.asString()).isIn(200, 409);
                            if (r.statusCode() == 200) {
                                changes.computeIfAbsent(order, o -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : races) {
                f.get();
            }
            callers.shutdown();
            for (String order : orders) {
                assertThat(changes.get(order)).as("each step taken once for " + order).hasValue(STEPS.size());
            }

            ObjectMapper json = new ObjectMapper();
            int expected = ORDERS * (1 + STEPS.size());
            try (PackagedService c = new PackagedService(Path.of(""), config, "relay-c").start();
                 PackagedService d = new PackagedService(Path.of(""), config, "relay-d").start()) {
                TopicReader.readUntil(bootstrap, prefix + "workorder.events", Duration.ofSeconds(60),
                        read -> versionsPerOrder(json, read, orders).values().stream().mapToInt(List::size).sum() >= expected);
                Thread.sleep(2000); // a duplicate would be published by now
                Map<String, List<Long>> versions = versionsPerOrder(json,
                        TopicReader.readAll(bootstrap, prefix + "workorder.events", Duration.ofSeconds(3)), orders);
                for (String order : orders) {
                    assertThat(versions.get(order)).as("versions of " + order + " in topic order").containsExactly(0L, 1L, 2L, 3L);
                }
            }
        }
    }

    static Response create(String base, String admin) {
        return given().baseUri(base).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(WorkOrderApi.createBody(VILLAGE, CATEGORY, "6", "")).post("/api/v1/work-orders");
    }

    /** Each of {@code orders}' event versions, in the order the topic holds them. */
    static Map<String, List<Long>> versionsPerOrder(ObjectMapper json, List<TopicReader.Event> events, List<String> orders) {
        Map<String, List<Long>> versions = new TreeMap<>();
        for (TopicReader.Event e : events) {
            if (!VILLAGE.equals(e.key())) {
                continue;
            }
            try {
                JsonNode data = json.readTree(e.data());
                String order = data.path("orderId").asText();
                if (orders.contains(order)) {
                    versions.computeIfAbsent(order, o -> new ArrayList<>()).add(data.path("version").asLong());
                }
            } catch (Exception unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
        return versions;
    }
}
