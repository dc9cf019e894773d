package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cunjian.testing.OwnInfrastructure;
import io.cunjian.testing.PackagedService;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two instances of the service on one database and broker, both relaying, take interleaved
 * writes to the same region: the region's events reach the topic in commit order, each once.
 */
@ExtendWith(OwnInfrastructure.class)
class TwoInstancesOrderIT {

    static final int RENAMES = 60;

    @Test
    void eventsOfOneKeyLeaveInCommitOrderFromTwoInstances() throws Exception {
        try (PackagedService a = new PackagedService(Path.of(""), RealInfrastructure.config(), "instance-a").start();
             PackagedService b = new PackagedService(Path.of(""), RealInfrastructure.config(), "instance-b").start()) {
            given().auth().oauth2(Tokens.districtAdmin("22")).baseUri(a.baseUrl()).contentType(ContentType.JSON).body("{\"code\":\"22\",\"name\":\"吉林省\"}")
                    .post("/api/v1/regions").then().statusCode(201);

            AtomicInteger done = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                futures.add(writers.submit(() -> {
                    for (int i = 0; done.get() < RENAMES; i++) {
                        String base = (i + writer) % 2 == 0 ? a.baseUrl() : b.baseUrl();
                        String etag = given().auth().oauth2(Tokens.districtAdmin("22")).baseUri(base).get("/api/v1/regions/22").header("ETag");
                        Response r = given().auth().oauth2(Tokens.districtAdmin("22")).baseUri(base).contentType(ContentType.JSON).header("If-Match", etag)
                                .body("{\"name\":\"吉林省-" + writer + "-" + i + "\"}").put("/api/v1/regions/22");
                        if (r.statusCode() == 200 && done.incrementAndGet() >= RENAMES) {
                            return;
                        }
                        assertThat(r.statusCode()).isIn(200, 412);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            writers.shutdown();
            int renames = done.get();

            String topic = RealInfrastructure.config().get("cunjian.kafka.topic-prefix") + "village.events";
            TopicReader.readUntil(RealInfrastructure.config().get("kafka.bootstrap.servers"), topic, Duration.ofSeconds(60),
                    read -> read.stream().filter(e -> "22".equals(e.key())).count() >= renames + 1);
            // Only region 22's events: the topic also carries the default work-category catalogue, defined once at start-up.
            List<TopicReader.Event> events = TopicReader.readAll(RealInfrastructure.config().get("kafka.bootstrap.servers"), topic, Duration.ofSeconds(3))
                    .stream().filter(e -> "22".equals(e.key())).toList();
            ObjectMapper json = new ObjectMapper();
            List<Long> versions = new ArrayList<>();
            for (TopicReader.Event e : events) {
                versions.add(json.readTree(e.data()).get("version").asLong());
            }
            List<Long> expected = new ArrayList<>();
            for (long v = 0; v <= renames; v++) {
                expected.add(v);
            }
            assertThat(versions).as("versions of region 22 in topic order").isEqualTo(expected);
        }
    }
}
