package io.cunjian.workorders;

import static io.cunjian.workorders.WorkOrderApi.createBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.EventsOnTopic;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A village or category work-orders does not hold (ADR 0028): 422 naming the field once its replica has read
 * all of village.events, 503 with Retry-After while it has not, 400 for a code that cannot be one.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "district-admin", regions = {"46"})
class UnknownReferenceTest {

    static final String CATEGORY = "wo-unknown-ref-metre";
    static final String VILLAGE = "460105001001";

    @Inject
    ReferenceData reference;
    @Inject
    RegionReplica villages;
    @Inject
    DataSource db;

    @BeforeEach
    void reference() {
        reference.category(CATEGORY, "METRE", "米");
        reference.village(VILLAGE);
    }

    @Test
    void aVillageOrCategoryThatDoesNotExistIs422NamingTheFieldOnceTheReplicaHasReadEverything() {
        String nowhere = "460105001999";
        Response answer = createOnceCaughtUp(nowhere, CATEGORY);
        answer.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://cunjian.dev/problems/unknown-reference"))
                .body("errors[0].field", equalTo("villageCode"))
                .header("Retry-After", nullValue());
        assertThat(answer.path("detail").toString()).contains(nowhere);
        assertThat(WorkOrderApi.orderRows(db, nowhere)).as("orders written").isZero();
        assertThat(EventsOnTopic.outboxRows(db, nowhere)).as("events written").isZero();

        long orders = WorkOrderApi.orderRows(db, VILLAGE);
        long events = EventsOnTopic.outboxRows(db, VILLAGE);
        createOnceCaughtUp(VILLAGE, "no-such-category").then().statusCode(422)
                .body("type", equalTo("https://cunjian.dev/problems/unknown-reference"))
                .body("errors[0].field", equalTo("categoryCode"));
        assertThat(WorkOrderApi.orderRows(db, VILLAGE)).isEqualTo(orders);
        assertThat(EventsOnTopic.outboxRows(db, VILLAGE)).isEqualTo(events);
    }

    @Test
    void aCodeThatCannotBeOneIs400BeforeAnyLookup() {
        create("46010500100x", CATEGORY).then().statusCode(400).body("errors.field", hasItem("villageCode"));
        create(VILLAGE, "Street Lamp!").then().statusCode(400).body("errors[0].field", equalTo("categoryCode"))
                .body("type", equalTo("https://cunjian.dev/problems/validation"));
        create(VILLAGE, "x".repeat(51)).then().statusCode(400).body("errors[0].field", equalTo("categoryCode"));
    }

    /**
     * The replica is behind while an event is fetched but not applied: its table is locked, so the consumer
     * holds the new village's event and cannot write it. The village is then "not yet known" (503 + Retry-After),
     * not unknown; once the lock goes the order is taken.
     */
    @Test
    void whileTheReplicaIsBehindAVillageItLacksIsRetryable() throws Exception {
        String justRegistered = "460105001077";
        createOnceCaughtUp("460105001998", CATEGORY).then().statusCode(422);
        try (Connection lock = db.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("LOCK TABLE replica_region IN EXCLUSIVE MODE");
            }
            try (TestEvents events = new TestEvents(reference.bootstrap())) {
                events.send(reference.prefix() + "village.events", justRegistered, RegionReplica.REGISTERED, "{\"code\":\""
                        + justRegistered + "\",\"name\":\"新登记村\",\"level\":\"VILLAGE\",\"parentCode\":\"460105001\",\"version\":0}");
            }
            Response[] last = new Response[1];
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = create(justRegistered, CATEGORY);
                return last[0].statusCode() == 503;
            });
            last[0].then().header("Retry-After", "2").contentType("application/problem+json")
                    .body("type", equalTo("https://cunjian.dev/problems/retryable"));
            // held for a while: still behind, still retryable, never "no such village"
            Thread.sleep(2_500);
            create(justRegistered, CATEGORY).then().statusCode(503).header("Retry-After", "2");
            assertThat(WorkOrderApi.orderRows(db, justRegistered)).isZero();
            lock.rollback();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> villages.find(justRegistered).isPresent());
        createOnceCaughtUp(justRegistered, CATEGORY).then().statusCode(201);
        assertThat(WorkOrderApi.orderRows(db, justRegistered)).isEqualTo(1);
    }

    /**
     * A village and a category found once are never removed, so they are answered from memory afterwards: a create
     * naming them goes through while both replica tables are locked against every read (before, it waited for them).
     */
    @Test
    void aVillageAndCategoryFoundOnceAreNotLookedUpAgain() throws Exception {
        createOnceCaughtUp(VILLAGE, CATEGORY).then().statusCode(201);
        try (Connection lock = db.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("LOCK TABLE replica_region, replica_category IN ACCESS EXCLUSIVE MODE");
            }
            try {
                Response answer = CompletableFuture.supplyAsync(() -> create(VILLAGE, CATEGORY)).get(10, TimeUnit.SECONDS);
                answer.then().statusCode(201);
            } finally {
                lock.rollback();
            }
        }
    }

    private static Response create(String village, String category) {
        return given().contentType(ContentType.JSON).body(createBody(village, category, "80", "")).post("/api/v1/work-orders");
    }

    /** As a client honouring Retry-After: again while the answer is 503. */
    private static Response createOnceCaughtUp(String village, String category) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = create(village, category);
            return last[0].statusCode() != 503;
        });
        return last[0];
    }
}
