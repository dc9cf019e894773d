package io.cunjian.community.events;

import java.util.UUID;

/**
 * The facts community publishes on community.events under the village's code (schemas in api-specs/events).
 * Personal information stays in this service (docs/adr/0038-personal-data-in-community.md): the data carry ids,
 * codes, numbers and enumerated values only — never a name, an address or free text.
 */
public final class CommunityEvents {

    public static final String HOUSEHOLD_REGISTERED = "cunjian.community.household-registered.v1";
    public static final String MEMBER_ADDED = "cunjian.community.member-added.v1";
    public static final String MEMBER_ERASED = "cunjian.community.member-erased.v1";
    public static final String GRID_CHANGED = "cunjian.community.grid-changed.v1";

    private CommunityEvents() {
    }

    /**
     * The village's grid figures after the change: households registered, those in a 十户联防 group, and those
     * in a group with a 户长 — so a consumer knows the village's grid from its latest event alone.
     */
    public record GridCounts(long households, long householdsInGroups, long householdsWithLeader) {
    }

    public record HouseholdRegistered(UUID householdId, String villageCode, int size, long version, GridCounts grid) {
    }

    public record MemberAdded(UUID personId, UUID householdId, String villageCode, String relation) {
    }

    public record MemberErased(UUID personId, UUID householdId, String villageCode) {
    }

    /**
     * One change of the grid: {@code change} says which, and the ids it is about (null where it names none);
     * {@code teamKind} and {@code teamRole} for a team's change only.
     */
    public record GridChanged(String villageCode, String change, UUID groupId, UUID householdId, UUID personId,
            String teamKind, String teamRole, GridCounts grid) {
    }
}
