package io.cunjian.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.persistence.ProgressProjection;
import io.cunjian.reporting.persistence.RegionProjection;
import io.smallrye.common.annotation.Blocking;

/**
 * The three topics → reporting's read models, each event applied once (chassis EventConsumption:
 * the projections and the message log commit together). Types a projection does not need are skipped.
 * Records come in batches ({@code batch=true}): one transaction per batch, so a replay keeps up.
 */
@ApplicationScoped
public class VillageEventsConsumer {

    public static final String CONSUMER = "reporting";

    @Inject
    EventConsumption consumption;
    @Inject
    RegionProjection regions;
    @Inject
    ProgressProjection progress;

    @Incoming("village-events")
    @Blocking
    public void onVillageRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), this::apply);
    }

    @Incoming("workorder-events")
    @Blocking
    public void onWorkOrderRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), progress::apply);
    }

    @Incoming("camera-events")
    @Blocking
    public void onCameraRecords(ConsumerRecords<String, byte[]> records) {
        consumption.applyBatch(CONSUMER, list(records), progress::apply);
    }

    /** Any events of the three topics, inside the consumer's transaction (also the rebuild's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<IncomingEvent> events) {
        events.forEach(regions::on);
        progress.apply(events);
    }

    private static List<ConsumerRecord<String, byte[]>> list(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
