package io.cunjian.reporting.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.domain.Arrival;
import io.cunjian.reporting.domain.ProgressProjection;
import io.smallrye.common.annotation.Blocking;

/**
 * The three topics → reporting's read models, each event applied once (chassis EventConsumption:
 * the projection and the message log commit together). Each topic's projector reads its events into
 * what they tell reporting; types none needs are skipped. Records come in batches ({@code batch=true}):
 * one transaction per batch, so a replay keeps up.
 */
@ApplicationScoped
public class ReportingEventsConsumer {

    public static final String CONSUMER = "reporting";

    @Inject
    EventConsumption consumption;
    @Inject
    ProgressProjection progress;

    private final Map<String, EventProjector> projectors;
    private final Map<String, String> topicNames = new ConcurrentHashMap<>();

    @Inject
    ReportingEventsConsumer(Instance<EventProjector> projectors) {
        this.projectors = projectors.stream().collect(Collectors.toMap(EventProjector::topic, Function.identity()));
    }

    @Incoming("village-events")
    @Blocking
    public void onVillageRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), this::apply);
    }

    @Incoming("workorder-events")
    @Blocking
    public void onWorkOrderRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), this::apply);
    }

    @Incoming("camera-events")
    @Blocking
    public void onCameraRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), this::apply);
    }

    /** Events of any of the three topics, in the order given, inside the consumer's transaction (also the rebuild's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<IncomingEvent> events) {
        List<Arrival> arrivals = new ArrayList<>(events.size());
        for (IncomingEvent e : events) {
            String topic = topic(e);
            EventProjector projector = projectors.get(topic);
            arrivals.add(new Arrival(topic, e.topic(), e.partition(), e.offset(), e.time(),
                    projector == null ? null : projector.fact(e)));
        }
        progress.apply(arrivals);
    }

    /**
     * The topic without the test prefix, as reports name it. Worked out once per topic: a regular
     * expression per event was 5 % of the consumers' CPU time in a replay's profile.
     */
    private String topic(IncomingEvent e) {
        return topicNames.computeIfAbsent(e.topic(),
                t -> t.replaceFirst("^.*?(village|workorder|camera)\\.events$", "$1.events"));
    }

    private static List<ConsumerRecord<String, byte[]>> list(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
