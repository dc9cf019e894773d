package io.cunjian.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.SignedInAs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A contractor claims 80 lamps, staff find 76 and verify those with a reason: the village's report
 * counts 76, not the claim. The event carries the reason reporting does not read; it is not a reason
 * to stop reading the event.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@SignedInAs(role = "viewer", regions = {"220382"})
class PartialVerificationReportTest extends ProducerEvents {

    static final String VILLAGE = "220382105377";

    @Test
    void theReportCountsTheQuantityStaffFoundNotTheClaim() {
        standard("test-standard-partial", THREE_ITEMS);
        village(VILLAGE, "部分验收村", false);
        plan(VILLAGE, "test-standard-partial", 1, 100, 10, null);
        String order = java.util.UUID.randomUUID().toString();
        send("workorder.events", VILLAGE, "cunjian.workorder.created.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":80,
                 "status":"DRAFT","by":"staff","version":0,"title":"路灯维修","priority":"NORMAL"}""".formatted(order, VILLAGE));
        send("workorder.events", VILLAGE, "cunjian.workorder.verified.v1", """
                {"orderId":"%s","villageCode":"%s","categoryCode":"street-lamp-repair","unit":"LAMP","plannedQuantity":80,
                 "status":"VERIFIED","previousStatus":"COMPLETED","by":"staff","version":6,"contractorId":"91220300MA14ABCD1X",
                 "actualQuantity":80,"verifiedQuantity":76,"reason":"4 盏未亮"}""".formatted(order, VILLAGE));

        JsonPath r = awaitReport(VILLAGE, p -> lamps(p) > 0);
        assertThat(lamps(r)).as("lamps counted").isEqualTo(76f);
    }

    static float lamps(JsonPath report) {
        Object done = report.get("items.find { it.code == 'street-lighting' }.figures.find { it.what == 'street-lamp-repair' }.done");
        return done == null ? -1 : ((Number) done).floatValue();
    }
}
