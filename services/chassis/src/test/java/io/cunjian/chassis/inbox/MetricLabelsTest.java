package io.cunjian.chassis.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.testing.MetricLabels;
import io.cunjian.testing.RealInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every {@code cunjian_*} and HTTP server metric at {@code /q/metrics} carries only labels from the
 * allow-list of docs/operations/metrics.md: a village code, an id or free text as a label would make
 * a new time series per value and leak what the metrics endpoint (public, like all of /q) must not show.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MetricLabelsTest {

    private static final String VILLAGE = "220382105201";

    @Inject
    EventConsumption consumption;
    @Inject
    ConsumerLag consumerLag;
    @Inject
    TopicNames topics;

    @Test
    void everyMetricCarriesOnlyAllowedLabelsAndNoVillageCode() {
        exposeEveryKindOfMetric();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        Map<String, Set<String>> labelsByMetric = labelsByMetric(metrics);
        assertThat(labelsByMetric.keySet()).as("the metrics this test exercises").contains(
                "cunjian_consumer_events_total", "cunjian_consumer_freshness_seconds_bucket",
                "cunjian_consumer_dead_lettered_total", "cunjian_consumer_lag_records", "cunjian_outbox_pending",
                "cunjian_outbox_oldest_pending_age_seconds", "http_server_requests_seconds_count");
        assertThat(MetricLabels.violations(metrics)).as("labels outside the allow-list of docs/operations/metrics.md").isEmpty();
        assertThat(metrics).as("a village code from a request path or an event key").doesNotContain(VILLAGE);
        // The SLO rules in deploy/observability read these two buckets by their exact le value.
        // On one line, past any route template's braces (uri="/test/villages/{code}").
        assertThat(metrics).containsPattern("cunjian_consumer_freshness_seconds_bucket\\{.*le=\"5.0\"")
                .containsPattern("http_server_requests_seconds_bucket\\{.*le=\"1.0\"");
    }

    @Test
    void anExemplarsTraceIdIsNoLabel() {
        Map<String, Set<String>> read = labelsByMetric("cunjian_consumer_events_total{consumer=\"r\",outcome=\"applied\"} 1.0 "
                + "# {span_id=\"00f067aa0ba902b7\",trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"} 1.0 1765000000.000\n");
        assertThat(read).containsEntry("cunjian_consumer_events_total", Set.of("consumer", "outcome"));
    }

    @Test
    void theCheckCatchesAnIdAsALabelAndAMetricOfNoFamily() {
        String exposition = "cunjian_consumer_events_total{consumer=\"r\",village=\"1\"} 1.0\n"
                + "cunjian_something_new 1.0\n";
        assertThat(MetricLabels.violations(exposition)).containsExactly(
                "cunjian_consumer_events_total carries label village",
                "cunjian_something_new is in no family of the allow-list (docs/operations/metrics.md)");
    }

    /** A request with a village code in its path, an applied event, a dead-lettered one, a lag reading. */
    private void exposeEveryKindOfMetric() {
        given().get("/things/in/" + VILLAGE);
        given().get("/things/" + VILLAGE);
        String topic = topics.physical(TopicNames.VILLAGE);
        consumption.apply("chassis-labels", ConsumerRecords.cloudEvent(topic, VILLAGE, "cunjian.region.renamed.v1", """
                {"code":"%s","name":"永加村","previousName":"永加社区","version":1}""".formatted(VILLAGE)), e -> {
                });
        try {
            consumption.apply("chassis-labels", ConsumerRecords.cloudEvent(topic, VILLAGE, "cunjian.region.renamed.v1",
                    "{\"code\":\"" + VILLAGE + "\"}"), e -> {
                    });
        } catch (PoisonEventException expected) {
            // counted as dead-lettered; the channel's failure strategy would send it on
        }
        consumerLag.measureNow(new ConsumerLag.Subscription("chassis-labels", topic));
    }

    private static Map<String, Set<String>> labelsByMetric(String exposition) {
        return MetricLabels.labelsByMetric(exposition);
    }
}
