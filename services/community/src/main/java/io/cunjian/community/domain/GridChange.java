package io.cunjian.community.domain;

/** What changed in a village's grid (the {@code change} of cunjian.community.grid-changed.v1). */
public enum GridChange {
    GROUP_FORMED, HOUSEHOLD_JOINED, HOUSEHOLD_LEFT, LEADER_SET, TEAM_MEMBER_ADDED, TEAM_MEMBER_REMOVED
}
