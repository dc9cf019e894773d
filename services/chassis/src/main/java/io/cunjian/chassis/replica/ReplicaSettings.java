package io.cunjian.chassis.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code cunjian.replica.*}: whether the service keeps the village replica, and how it watches how far it has read. */
@ConfigMapping(prefix = "cunjian.replica")
public interface ReplicaSettings {

    /** Set by services that keep the replica (also a build property: it switches {@link RegionReplicaConsumer} on). */
    @WithDefault("false")
    boolean enabled();

    /**
     * How often {@link ReplicaProgress} reads each partition's end from the replica's consumer (a scheduler
     * interval; 1 s). A measurement older than 15 s is not trusted, so keep this well below that. Its default is
     * in the chassis' microprofile-config.properties: the scheduler's {@code ${...}} expression does not see a
     * mapping's defaults.
     */
    String measureEvery();
}
