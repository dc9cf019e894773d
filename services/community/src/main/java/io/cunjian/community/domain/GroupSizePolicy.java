package io.cunjian.community.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A 十户联防 group's size stays within the configured bounds (default 5–15 households): a group is formed with
 * at least the minimum, takes no household past the maximum and lets none go below the minimum.
 */
@ApplicationScoped
public class GroupSizePolicy {

    @Inject
    GridConfig config;

    public int min() {
        return config.groupSize().min();
    }

    public int max() {
        return Math.min(config.groupSize().max(), JointDefenceGroup.MOST_HOUSEHOLDS);
    }

    public boolean allows(int households) {
        return households >= min() && households <= max();
    }
}
