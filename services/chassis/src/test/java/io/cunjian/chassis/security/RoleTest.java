package io.cunjian.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.cunjian.infrastructure.TokenMinter;

class RoleTest {

    @Test
    void theStackMintsExactlyTheseRoles() {
        assertThat(TokenMinter.ROLES).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::claim).toList());
    }

    @Test
    void unknownGroupsAreNotRoles() {
        assertThat(Role.ofClaim("district-admin")).contains(Role.DISTRICT_ADMIN);
        assertThat(Role.ofClaim("admin")).isEmpty();
    }
}
