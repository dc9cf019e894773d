package io.cunjian.workorders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.OwnInfrastructure;
import io.cunjian.testing.PackagedService;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged service killed ({@code kill -9}) while a completion is in flight; the phone retries
 * with the same Idempotency-Key after the restart: one completion, one event. The kill lands
 * wherever it lands (before, during or after the commit): the outcome must be the same.
 */
@ExtendWith(OwnInfrastructure.class)
class CompletionCrashIT {

    static final String VILLAGE = "460105001001";
    static final String CATEGORY = "wo-crash-lamp";

    static RequestSpecification at(PackagedService s, String token) {
        return given().baseUri(s.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aCompletionRetriedAfterAKillCountsOnce() throws Exception {
        Map<String, String> config = RealInfrastructure.config();
        String bootstrap = config.get("kafka.bootstrap.servers");
        String topic = config.get("cunjian.kafka.topic-prefix") + "workorder.events";
        try (TestEvents events = new TestEvents(bootstrap)) {
            String villages = config.get("cunjian.kafka.topic-prefix") + "village.events";
            events.send(villages, VILLAGE, RegionReplica.REGISTERED, "{\"code\":\"" + VILLAGE
                    + "\",\"name\":\"断电村\",\"level\":\"VILLAGE\",\"parentCode\":\"460105001\",\"version\":0}");
            events.send(villages, "category:" + CATEGORY, CategoryReplica.DEFINED, "{\"code\":\"" + CATEGORY
                    + "\",\"nameZh\":\"路灯\",\"nameEn\":\"Lamps\",\"unit\":\"LAMP\",\"unitZh\":\"盏\",\"group\":\"LIGHTING\",\"version\":0}");
        }
        String admin = Tokens.districtAdmin("46");
        String contractorId = Fixtures.contractorId("0501");
        String contractor = Tokens.contractor(contractorId, "46");
        String id;
        String completion;
        try (PackagedService first = new PackagedService(Path.of(""), config, "crash-complete-first").start()) {
            at(first, admin).body("{\"id\":\"" + contractorId + "\",\"name\":\"断电测试公司\"}").post("/api/v1/contractors")
                    .then().statusCode(201);
            String order = WorkOrderApi.createBody(VILLAGE, CATEGORY, "80", "");
            String[] created = new String[1];
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                var r = at(first, admin).body(order).post("/api/v1/work-orders");
                created[0] = r.statusCode() == 201 ? r.path("id") : null;
                return r.statusCode() != 503;
            });
            id = created[0];
            assertThat(id).isNotNull();
            at(first, admin).post("/api/v1/work-orders/" + id + "/issue").then().statusCode(200);
            at(first, admin).body("{\"contractorId\":\"" + contractorId + "\"}").post("/api/v1/work-orders/" + id + "/assign")
                    .then().statusCode(200);
            at(first, contractor).post("/api/v1/work-orders/" + id + "/start").then().statusCode(200);
            String photo = given().baseUri(first.baseUrl()).auth().oauth2(contractor)
                    .multiPart("file", "lamp.jpg", WorkOrderApi.JPEG, "image/jpeg").post("/api/v1/work-orders/" + id + "/photos")
                    .then().statusCode(201).extract().path("id");
            completion = WorkOrderApi.completion("78", photo);
            String body = completion;
            CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return at(first, contractor).header("Idempotency-Key", "crash-" + id).body(body)
                            .post("/api/v1/work-orders/" + id + "/complete").statusCode();
                } catch (Exception connectionLost) { // killed before it answered (sneaky IOException from RestAssured)
                    return -1;
                }
            });
            Thread.sleep(40);
            first.kill();
            inFlight.get();
        }
        try (PackagedService second = new PackagedService(Path.of(""), config, "crash-complete-second").start()) {
            at(second, contractor).header("Idempotency-Key", "crash-" + id).body(completion)
                    .post("/api/v1/work-orders/" + id + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"))
                    .body("completion.actualQuantity", equalTo(78));
            at(second, contractor).header("Idempotency-Key", "crash-" + id).body(completion)
                    .post("/api/v1/work-orders/" + id + "/complete").then().statusCode(200).header("Idempotent-Replayed", "true");
            at(second, admin).get("/api/v1/work-orders/" + id + "/history").then()
                    .body("findAll { it.to == 'COMPLETED' }.size()", equalTo(1));
            List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, topic, Duration.ofSeconds(30),
                    read -> read.stream().anyMatch(e -> e.ceType().equals("cunjian.workorder.completed.v1")));
            Thread.sleep(2000); // a duplicate would be published by now
            events = TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(3));
            assertThat(events.stream().filter(e -> e.ceType().equals("cunjian.workorder.completed.v1")).count()).isEqualTo(1);
            assertThat(events.stream().filter(e -> VILLAGE.equals(e.key())).count()).isEqualTo(5);
        }
    }
}
