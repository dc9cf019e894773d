package io.cunjian.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.cunjian.testing.OwnInfrastructure;
import io.cunjian.testing.PackagedService;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TestEvents;
import io.cunjian.testing.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * The packaged reporting killed with {@code kill -9} between two events of one order (completed,
 * then verified while it is down): after the restart the verified quantity counts once — whatever
 * the consumer had applied but not yet committed as its offset is delivered again and recognised.
 */
@ExtendWith(OwnInfrastructure.class)
class ReportingRestartIT {

    static final String VILLAGE = "220382105301";

    @Test
    void aKillBetweenTwoEventsOfOneOrderCountsItOnce() {
        String prefix = RealInfrastructure.config().get("cunjian.kafka.topic-prefix");
        try (TestEvents events = new TestEvents(RealInfrastructure.config().get("kafka.bootstrap.servers"))) {
            try (PackagedService first = new PackagedService(Path.of(""), RealInfrastructure.config(), "restart-before").start()) {
                events.send(prefix + "village.events", "standard:restart", "cunjian.standard.published.v1", """
                        {"id":"restart-standard","scope":"22","nameZh":"测试标准","nameEn":"Test","illustrative":true,"basedOn":null,
                         "items":%s,"publishedBy":"system"}""".formatted(ProducerEvents.THREE_ITEMS));
                events.send(prefix + "village.events", VILLAGE, "cunjian.village.registered.v1", """
                        {"code":"%s","name":"重启村","townshipCode":"220382105","demonstration":true,"version":0}""".formatted(VILLAGE));
                events.send(prefix + "village.events", VILLAGE, "cunjian.plan.set.v1", """
                        {"villageCode":"%s","revision":1,"standardId":"restart-standard","deadline":"2026-12-31",
                         "workTargets":[{"itemCode":"street-lighting","categoryCode":"street-lamp-repair","unit":"LAMP","quantity":40}],
                         "coverageTargets":[{"itemCode":"camera-coverage","requiredCoveragePercent":100,"minimumOperationalCameras":null}],
                         "changedBy":"staff","note":null}""".formatted(VILLAGE));
                order(events, prefix, "created", "DRAFT", 0, "");
                order(events, prefix, "completed", "COMPLETED", 4,
                        ",\"previousStatus\":\"IN_PROGRESS\",\"contractorId\":\"91220300MA14ABCD1X\",\"actualQuantity\":20,"
                                + "\"completedAt\":\"2026-11-20T10:00:00+08:00\",\"photoCount\":1");
                JsonPath before = await(first, r -> r.getList("items").size() == 3);
                assertThat(lamps(before)).isZero();
                first.kill();
            }
            order(events, prefix, "verified", "VERIFIED", 6,
                    ",\"previousStatus\":\"COMPLETED\",\"contractorId\":\"91220300MA14ABCD1X\",\"actualQuantity\":20,\"verifiedQuantity\":20");
            try (PackagedService second = new PackagedService(Path.of(""), RealInfrastructure.config(), "restart-after").start()) {
                JsonPath after = await(second, r -> lamps(r) > 0);
                assertThat(lamps(after)).as("20 lamps verified, counted once").isEqualTo(20f);
                // whatever is delivered again changes nothing
                Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> lamps(report(second)) == 20f);
            }
        }
    }

    static void order(TestEvents events, String prefix, String step, String status, int version, String more) {
        events.send(prefix + "workorder.events", VILLAGE, "cunjian.workorder." + step + ".v1", """
                {"orderId":"wo-restart-1","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":20,
                 "status":"%s","by":"staff","version":%d%s%s}""".formatted(VILLAGE, status, version,
                version == 0 ? ",\"title\":\"维修\",\"priority\":\"NORMAL\",\"dueDate\":\"2026-12-31\"" : "", more));
    }

    static float lamps(JsonPath report) {
        Object done = report.get("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done");
        return done == null ? 0f : ((Number) done).floatValue();
    }

    static JsonPath report(PackagedService reporting) {
        var r = given().auth().oauth2(Tokens.viewer("220382")).baseUri(reporting.baseUrl()).get("/api/v1/reports/villages/" + VILLAGE);
        return r.statusCode() == 200 ? r.jsonPath() : new JsonPath("{\"items\":[]}");
    }

    static JsonPath await(PackagedService reporting, java.util.function.Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = report(reporting);
            return until.test(last[0]);
        });
        return last[0];
    }
}
