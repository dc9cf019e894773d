package io.cunjian.chassis.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.ForbiddenException;

import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.RegionCode;

/**
 * Who is calling, from the verified bearer token: {@code sub}, the roles of {@code groups},
 * {@code regions} and, for contractors, {@code contractor_id}. Get it from {@link CurrentCaller};
 * the {@code require…} checks throw what becomes a 403 (or 404) problem response.
 */
public record Caller(String subject, Set<Role> roles, Set<String> regions, Optional<String> contractorId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        contractorId = contractorId == null ? Optional.empty() : contractorId.filter(id -> !id.isBlank());
    }

    public boolean hasRole(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** The prefix rule: a caller with region 220303 may act in 220303 and in every code under it. */
    public boolean mayActIn(String regionCode) {
        return RegionCode.anyCovers(regions, regionCode);
    }

    /** Whether the caller is the contractor {@code contractorId} (never true for a non-contractor). */
    public boolean contractorOwns(String contractorId) {
        return hasRole(Role.CONTRACTOR) && contractorId != null && this.contractorId.filter(contractorId::equals).isPresent();
    }

    public Caller requireRole(Role... anyOf) {
        if (!hasRole(anyOf)) {
            throw new ForbiddenException("requires one of the roles " + Arrays.toString(anyOf));
        }
        return this;
    }

    public Caller requireRegion(String regionCode) {
        if (!mayActIn(regionCode)) {
            throw new ForbiddenException("outside the caller's regions: " + regionCode);
        }
        return this;
    }

    /**
     * Applies a policy: 403 when it forbids, and when the caller must not learn the target exists the domain's
     * {@link NotFound#requested()}, answered as a 404 for the request's address like any address nothing
     * answers at (domain code calling this touches no JAX-RS).
     */
    public <T> Caller require(Policy<T> policy, T target) {
        switch (policy.decide(this, target)) {
            case ALLOW -> {
                return this;
            }
            case NOT_FOUND -> throw NotFound.requested();
            default -> throw new ForbiddenException("denied by policy " + policy.name());
        }
    }

    public <T> boolean may(Policy<T> policy, T target) {
        return policy.decide(this, target) == Decision.ALLOW;
    }
}
