package io.cunjian.chassis.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Logical topic names (docs/design.md, "Topics and keys") to the broker's: tests run on prefixed copies of the topics. */
@ApplicationScoped
public class TopicNames {

    public static final String VILLAGE = "village.events";
    public static final String WORK_ORDER = "workorder.events";
    public static final String CAMERA = "camera.events";

    @ConfigProperty(name = "cunjian.kafka.topic-prefix")
    Optional<String> prefix;

    public String physical(String logical) {
        return prefix.orElse("") + logical;
    }
}
