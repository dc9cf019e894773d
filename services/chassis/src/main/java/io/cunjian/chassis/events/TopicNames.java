package io.cunjian.chassis.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.config.ConfigMapping;

/** Logical topic names (docs/design.md, "Topics and keys") to the broker's: tests run on prefixed copies of the topics. */
@ApplicationScoped
public class TopicNames {

    public static final String VILLAGE = "village.events";
    public static final String WORK_ORDER = "workorder.events";
    public static final String CAMERA = "camera.events";
    public static final String COMMUNITY = "community.events";

    /** {@code cunjian.kafka.*}. */
    @ConfigMapping(prefix = "cunjian.kafka")
    public interface Settings {
        /** Put before every logical name: tests run on their own copies of the topics. */
        Optional<String> topicPrefix();
    }

    @Inject
    Settings settings;

    public String physical(String logical) {
        return settings.topicPrefix().orElse("") + logical;
    }
}
