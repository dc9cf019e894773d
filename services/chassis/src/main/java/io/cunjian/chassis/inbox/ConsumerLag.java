package io.cunjian.chassis.inbox;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.cunjian.chassis.events.KafkaClientSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code cunjian_consumer_lag_records{group,topic}}: records on the broker that a consumer group has
 * not yet committed (end offset − committed offset, summed over the topic's partitions). Measured
 * here, by an admin client on a schedule, and not by the consuming loop, so that a stalled or dead
 * consumer shows lag that grows instead of a number that stops moving. The groups and topics are the
 * service's own Kafka channels ({@code mp.messaging.incoming.<channel>.topic}), so labels stay bounded.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Duration ASK_FOR = Duration.ofSeconds(10);

    /** One group reading one topic. */
    record Subscription(String group, String topic) {
    }

    @Inject
    Config config;
    @Inject
    MeterRegistry registry;
    @Inject
    KafkaClientSettings kafka;

    private final Map<Subscription, AtomicLong> lags = new ConcurrentHashMap<>();
    private Admin admin;

    @Scheduled(every = "${cunjian.consumer.lag-poll-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        subscriptions().forEach(this::measureNow);
    }

    /** Measures one subscription and sets its gauge (registered on first use). */
    void measureNow(Subscription s) {
        AtomicLong lag = lags.computeIfAbsent(s, this::register);
        try {
            lag.set(measure(admin(), s.group(), s.topic()));
        } catch (Exception e) {
            // Unknown is not zero: the gauge reads NaN until the broker answers again. Said once, not every poll.
            if (lag.getAndSet(-1) != -1) {
                LOG.warnf("consumer lag of %s on %s not measured: %s", s.group(), s.topic(), e.toString());
            }
        }
    }

    /** The group's lag on the topic now: a partition it never committed counts from its first record. */
    static long measure(Admin admin, String group, String topic) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ASK_FOR.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ASK_FOR.toSeconds(), TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(admin, partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata done = committed.get(p);
            long from = done != null ? done.offset() : starts.get(p).offset();
            lag += Math.max(0, ends.get(p).offset() - from);
        }
        return lag;
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, Set<TopicPartition> partitions,
            OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                .get(ASK_FOR.toSeconds(), TimeUnit.SECONDS);
    }

    /** The service's enabled Kafka channels, with the group each reads as (SmallRye's own defaults). */
    Set<Subscription> subscriptions() {
        Set<Subscription> found = new LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = CHANNEL.matcher(name);
            if (!m.matches() || !"smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                continue;
            }
            String channel = "mp.messaging.incoming." + m.group(1) + ".";
            if (!config.getOptionalValue(channel + "enabled", Boolean.class).orElse(true)) {
                continue;
            }
            String topic = config.getOptionalValue(channel + "topic", String.class).orElse(m.group(1));
            String group = first(config.getOptionalValue(channel + "group.id", String.class),
                    config.getOptionalValue("kafka.group.id", String.class),
                    config.getOptionalValue("quarkus.application.name", String.class));
            if (group != null) {
                found.add(new Subscription(group, topic));
            }
        }
        return found;
    }

    @SafeVarargs
    private static String first(Optional<String>... candidates) {
        for (Optional<String> c : candidates) {
            if (c.isPresent() && !c.get().isBlank()) {
                return c.get();
            }
        }
        return null;
    }

    private AtomicLong register(Subscription s) {
        AtomicLong lag = new AtomicLong(-2); // not measured yet: NaN too, but the first failure is logged
        Gauge.builder("cunjian.consumer.lag", lag, l -> l.get() < 0 ? Double.NaN : l.get())
                .description("records on the broker the consumer group has not committed yet")
                .baseUnit("records").tag("group", s.group()).tag("topic", s.topic()).register(registry);
        return lag;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var p = kafka.connection();
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_FOR.toMillis());
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "cunjian-consumer-lag");
            admin = Admin.create(p);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
