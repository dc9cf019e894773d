package io.cunjian.community.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The group's 户长 (PUT /api/v1/groups/{id}/leader): a person of the group's village. */
public record NameLeader(@NotNull UUID personId) {
}
