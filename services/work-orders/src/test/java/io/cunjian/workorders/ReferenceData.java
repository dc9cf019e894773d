package io.cunjian.workorders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.cunjian.chassis.replica.CategoryReplica;
import io.cunjian.chassis.replica.RegionReplica;

/**
 * Villages and categories as village-projects would publish them, for a Quarkus test to inject instead of
 * wiring the broker address, the topic prefix and both replicas itself ({@link Fixtures} does the sending).
 */
@ApplicationScoped
class ReferenceData {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    String prefix;
    @Inject
    RegionReplica villages;
    @Inject
    CategoryReplica categories;

    void village(String code) {
        Fixtures.village(bootstrap, prefix, villages, code);
    }

    void category(String code, String unit, String unitZh) {
        Fixtures.category(bootstrap, prefix, categories, code, unit, unitZh);
    }

    String bootstrap() {
        return bootstrap;
    }

    String prefix() {
        return prefix;
    }
}
