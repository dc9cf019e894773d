package io.cunjian.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.chassis.inbox.IncomingEvent;
import io.cunjian.reporting.persistence.ProgressProjection;
import io.cunjian.reporting.persistence.RegionProjection;
import io.smallrye.common.annotation.Blocking;

/**
 * The three topics → reporting's read models, each event applied once (chassis EventConsumption:
 * the projections and the message log commit together). Types a projection does not need are skipped.
 */
@ApplicationScoped
public class VillageEventsConsumer {

    static final String CONSUMER = "reporting";

    @Inject
    EventConsumption consumption;
    @Inject
    RegionProjection regions;
    @Inject
    ProgressProjection progress;

    @Incoming("village-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        consumption.apply(CONSUMER, record, this::apply);
    }

    @Incoming("workorder-events")
    @Blocking
    public void onWorkOrderRecord(ConsumerRecord<String, byte[]> record) {
        consumption.apply(CONSUMER, record, progress::on);
    }

    @Incoming("camera-events")
    @Blocking
    public void onCameraRecord(ConsumerRecord<String, byte[]> record) {
        consumption.apply(CONSUMER, record, progress::on);
    }

    private void apply(IncomingEvent event) {
        regions.on(event);
        progress.on(event);
    }
}
