package io.cunjian.community.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A household of the group's village, in no group yet (POST /api/v1/groups/{id}/households). */
public record JoinGroup(@NotNull UUID householdId) {
}
