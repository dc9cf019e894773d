package io.cunjian.chassis.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cunjian.chassis.events.TopicNames;
import io.cunjian.testing.RealInfrastructure;
import io.cunjian.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a timing test: commits {@code benchmark.outbox.events} events (default 2,000, a
 * smoke size for CI; e.g. {@code -Dbenchmark.outbox.events=100000} for a real figure) in
 * transactions of 100, spread over 50 keys, and prints how fast they were committed and published.
 * It asserts only that every event arrived exactly once.
 *
 * <pre>./mvnw verify -pl services/chassis -Dtest=OutboxRelayBenchmarkTest -Dbenchmark.outbox.events=100000</pre>
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxRelayBenchmarkTest {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    TopicNames topics;

    @Test
    void publishesEveryCommittedEventOnceAndPrintsTheRate() {
        int events = Integer.getInteger("benchmark.outbox.events", 2_000);
        int perTransaction = 100;
        Set<String> ids = new HashSet<>();
        long start = System.nanoTime();
        for (int done = 0; done < events; done += perTransaction) {
            int first = done;
            List<UUID> committed = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> batch = new java.util.ArrayList<>();
                for (int i = first; i < Math.min(first + perTransaction, events); i++) {
                    String code = String.format("%02d", 10 + i % 50);
                    batch.add(outbox.publish(new OutgoingEvent(TopicNames.VILLAGE, code, "cunjian.region.renamed.v1", code,
                            Map.of("code", code, "name", "名称" + i, "previousName", "旧名", "version", i + 1))));
                }
                return batch;
            });
            committed.forEach(id -> ids.add(id.toString()));
        }
        long committedAt = System.nanoTime();
        boolean drained = org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> relay.pendingCount() == 0, d -> d);
        long publishedAt = System.nanoTime();

        List<TopicReader.Event> onTopic = TopicReader.readUntil(bootstrap, topics.physical(TopicNames.VILLAGE),
                Duration.ofMinutes(2), read -> read.stream().filter(e -> ids.contains(e.ceId())).map(TopicReader.Event::ceId)
                        .distinct().count() == events);
        long ours = onTopic.stream().filter(e -> ids.contains(e.ceId())).count();

        double commitSeconds = (committedAt - start) / 1e9;
        double publishSeconds = (publishedAt - start) / 1e9;
        System.out.printf("BENCHMARK outbox: %d events in %d transactions committed in %.2f s (%.0f events/s); "
                + "all published (acks=all) %.2f s after the first commit (%.0f events/s end to end)%n",
                events, events / perTransaction, commitSeconds, events / commitSeconds, publishSeconds, events / publishSeconds);
        assertThat(drained).isTrue();
        assertThat(ours).as("each committed event on the topic exactly once").isEqualTo(events);
    }
}
