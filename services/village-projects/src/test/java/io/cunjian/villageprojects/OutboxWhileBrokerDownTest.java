package io.cunjian.villageprojects;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.outbox.OutboxRelay;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.cunjian.testing.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The outbox keeps writes working while the broker is away, and delivers each event once after. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "kafka", value = "own"))
@SignedInAs(role = "district-admin", regions = {"22"})
class OutboxWhileBrokerDownTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    OutboxRelay relay;

    @Test
    void aWriteSucceedsWithTheBrokerDownAndItsEventArrivesOnceItIsBack() {
        // The default catalogue and standard were defined at start-up: let their events leave first.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
        RealInfrastructure.ownBroker().kill();

        given().contentType(ContentType.JSON).body("{\"code\":\"22\",\"name\":\"吉林省\"}")
                .post("/api/v1/regions").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"code\":\"2203\",\"name\":\"四平市\"}")
                .post("/api/v1/regions").then().statusCode(201);
        // Nothing could be sent: both events wait in the outbox.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> relay.pendingCount() == 2);

        RealInfrastructure.ownBroker().start(Duration.ofSeconds(90));

        List<TopicReader.Event> events = TopicReader.readUntil(bootstrap, prefix + "village.events",
                Duration.ofSeconds(60), read -> read.stream().filter(StartUpDefaults::writtenByTheTest).count() >= 2);
        // A little longer, to see that nothing arrives twice.
        events = TopicReader.readAll(bootstrap, prefix + "village.events", Duration.ofSeconds(3)).stream()
                .filter(StartUpDefaults::writtenByTheTest).toList();
        assertThat(events).extracting(TopicReader.Event::key).containsExactlyInAnyOrder("22", "2203");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> relay.pendingCount() == 0);
    }
}
