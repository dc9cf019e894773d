package io.cunjian.chassis.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lag as the operator reads it at {@code /q/metrics}: measured from the broker, so a consumer that
 * stopped committing (stalled, or dead) shows more lag with every record its producers add.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ConsumerLagTest {

    @Inject
    ConsumerLag consumerLag;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;

    @Test
    void aConsumerThatStopsCommittingShowsGrowingLag() throws Exception {
        String topic = prefix + "lag-" + UUID.randomUUID() + ".events";
        String group = prefix + "lag-reporting";
        ConsumerLag.Subscription reporting = new ConsumerLag.Subscription(group, topic);
        try (Admin admin = admin(); TestEvents events = new TestEvents(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            for (int i = 0; i < 5; i++) {
                events.send(topic, "22038" + i, "cunjian.region.renamed.v1", "{}");
            }
            consumerLag.measureNow(reporting);
            assertThat(lagShown(group, topic)).as("a group that never committed owes every record").isEqualTo(5);

            commitEverything(admin, group, topic);
            consumerLag.measureNow(reporting);
            assertThat(lagShown(group, topic)).isZero();

            // The consumer stalls: nothing more is committed while records keep arriving.
            for (int i = 0; i < 3; i++) {
                events.send(topic, "22039" + i, "cunjian.region.renamed.v1", "{}");
            }
            consumerLag.measureNow(reporting);
            assertThat(lagShown(group, topic)).isEqualTo(3);
        }
    }

    private void commitEverything(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (int p = 0; p < 2; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
                    .get().offset();
            done.put(tp, new OffsetAndMetadata(end));
        }
        admin.alterConsumerGroupOffsets(group, done).all().get();
    }

    private static double lagShown(String group, String topic) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("cunjian_consumer_lag_records\\{group=\"" + Pattern.quote(group) + "\",topic=\""
                + Pattern.quote(topic) + "\"} (\\S+)").matcher(metrics);
        assertThat(m.find()).as("lag of %s on %s at /q/metrics", group, topic).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }
}
