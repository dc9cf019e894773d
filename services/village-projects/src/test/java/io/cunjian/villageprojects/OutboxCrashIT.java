package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cunjian.testing.OwnInfrastructure;
import io.cunjian.testing.PackagedService;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.Tokens;
import io.cunjian.testing.TopicReader;
import io.restassured.http.ContentType;

/**
 * The packaged service, killed with {@code kill -9} after a write committed but before its event
 * was published: after a restart the event is delivered, once.
 */
@ExtendWith(OwnInfrastructure.class)
class OutboxCrashIT {


    @Test
    void anEventCommittedBeforeAKillIsDeliveredOnceAfterTheRestart() throws Exception {
        String topic = RealInfrastructure.config().get("cunjian.kafka.topic-prefix") + "village.events";
        try (PackagedService paused = new PackagedService(Path.of(""), RealInfrastructure.config(), "crash-before")
                .with("cunjian.outbox.relay.enabled", "false").start()) {
            given().auth().oauth2(Tokens.districtAdmin("22")).baseUri(paused.baseUrl()).contentType(ContentType.JSON).body("{\"code\":\"22\",\"name\":\"吉林省\"}")
                    .post("/api/v1/regions").then().statusCode(201);
            // (the start-up defaults' events wait in the outbox beside it)
            assertThat(pendingOutboxRows()).isEqualTo(1);
            paused.kill();
        }
        assertThat(TopicReader.readAll(RealInfrastructure.config().get("kafka.bootstrap.servers"), topic, Duration.ofSeconds(2))).isEmpty();

        try (PackagedService restarted = new PackagedService(Path.of(""), RealInfrastructure.config(), "crash-after").start()) {
            TopicReader.readUntil(RealInfrastructure.config().get("kafka.bootstrap.servers"), topic, Duration.ofSeconds(30),
                    read -> read.stream().anyMatch(e -> "22".equals(e.key())));
            List<TopicReader.Event> events = TopicReader.readAll(RealInfrastructure.config().get("kafka.bootstrap.servers"), topic, Duration.ofSeconds(3));
            assertThat(events).extracting(TopicReader.Event::key).filteredOn(key -> !StartUpDefaults.isDefault(key))
                    .containsExactly("22");
            assertThat(pendingOutboxRows()).isZero();
        }
    }

    static long pendingOutboxRows() throws Exception {
        try (var c = DriverManager.getConnection(RealInfrastructure.config().get("quarkus.datasource.jdbc.url"), RealInfrastructure.config().get("quarkus.datasource.username"), "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND event_key = '22'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
