package io.cunjian.workorders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** work-orders learns villages and work categories from village.events, and finds them by code. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ReplicaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica replica;
    @Inject
    CategoryReplica categories;

    @Test
    void aVillagePublishedByVillageProjectsIsKnownHereMomentsLater() {
        String village = "220382105201";
        assertThat(replica.find(village)).isEmpty();

        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", village, RegionReplica.REGISTERED,
                    "{\"code\":\"" + village + "\",\"name\":\"永加社区\",\"level\":\"VILLAGE\",\"parentCode\":\"220382105\",\"version\":0}");
            events.send(prefix + "village.events", village, RegionReplica.RENAMED,
                    "{\"code\":\"" + village + "\",\"name\":\"永加村\",\"previousName\":\"永加社区\",\"version\":1}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> replica.find(village).filter(r -> r.version() == 1).isPresent());
        replica.requireVillage("villageCode", village);
        assertThat(replica.find(village).orElseThrow().name()).isEqualTo("永加村");
        assertThat(replica.find(village).orElseThrow().parentCode()).isEqualTo("220382105");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cunjian_consumer_freshness_seconds_count{consumer=\"work-orders-replica\""));
    }

    @Test
    void aCategoryIsKnownHereWithItsUnit() {
        assertThat(categories.find("street-lamp-repair-x")).isEmpty();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.send(prefix + "village.events", "category:street-lamp-repair-x", CategoryReplica.DEFINED,
                    "{\"code\":\"street-lamp-repair-x\",\"nameZh\":\"路灯维修\",\"nameEn\":\"Street-lamp repair\","
                            + "\"unit\":\"LAMP\",\"unitZh\":\"盏\",\"group\":\"LIGHTING\",\"version\":0}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> categories.find("street-lamp-repair-x").isPresent());
        assertThat(categories.require("categoryCode", "street-lamp-repair-x").unitZh()).isEqualTo("盏");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("cunjian_consumer_freshness_seconds_count{consumer=\"work-orders-replica\""));
    }
}
