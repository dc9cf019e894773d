package io.cunjian.community.domain;

/** A team member's place in the team: its leader (队长) or a member. */
public enum TeamRole {
    LEADER, MEMBER
}
