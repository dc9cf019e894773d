package io.cunjian.reporting.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cunjian.chassis.inbox.EventConsumption;
import io.cunjian.reporting.persistence.RegionProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** village.events → reporting's read models, each event applied once (chassis EventConsumption). */
@ApplicationScoped
public class VillageEventsConsumer {

    static final String CONSUMER = "reporting";

    @Inject
    EventConsumption consumption;
    @Inject
    RegionProjection regions;

    @Incoming("village-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        consumption.apply(CONSUMER, record, regions::on);
    }
}
