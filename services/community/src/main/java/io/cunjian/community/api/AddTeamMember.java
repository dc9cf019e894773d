package io.cunjian.community.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import io.cunjian.community.domain.TeamRole;

/** A person of the village to serve in one of its teams (POST /api/v1/villages/{code}/teams/{kind}/members). */
public record AddTeamMember(@NotNull UUID personId, @NotNull TeamRole role) {
}
