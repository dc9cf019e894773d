package io.cunjian.chassis.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.cunjian.chassis.config.QuarkusSettings;
import io.cunjian.chassis.inbox.EventConsumption;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link RegionReplica} and {@link CategoryReplica} from village.events in services that set
 * {@code cunjian.replica.enabled=true} (and configure the {@code village-events} channel). How far it
 * is behind: {@code cunjian_consumer_lag_records} and {@code cunjian_consumer_freshness_seconds}
 * (docs/operations/metrics.md); whether it has read everything: {@link ReplicaProgress}.
 */
@ApplicationScoped
@IfBuildProperty(name = "cunjian.replica.enabled", stringValue = "true")
public class RegionReplicaConsumer {

    @Inject
    EventConsumption consumption;
    @Inject
    RegionReplica regions;
    @Inject
    CategoryReplica categories;

    @Inject
    QuarkusSettings quarkus;
    @Inject
    ReplicaProgress progress;

    @Incoming("village-events")
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        progress.received(record);
        try {
            consumption.apply(quarkus.applicationName() + "-replica", record, event -> {
                if (!regions.on(event)) {
                    categories.on(event);
                }
            });
        } finally {
            // Applied (its transaction committed), or thrown to the dead-letter topic: read either way.
            progress.applied(record);
        }
    }
}
