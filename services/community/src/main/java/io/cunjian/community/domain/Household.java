package io.cunjian.community.domain;

import java.util.Objects;
import java.util.UUID;

import io.cunjian.community.events.CommunityEvents;

/**
 * A household (户) of a village: its house number or address and how many people live in it. Its members,
 * the 户主 among them, are {@link Person}s; the size counts everyone, children under 14 included, who are
 * not recorded by name (docs/adr/0038-personal-data-in-community.md).
 */
public record Household(UUID id, String villageCode, String address, int size, long version) {

    public Household {
        Objects.requireNonNull(villageCode, "villageCode");
        address = Objects.requireNonNull(address, "address").strip();
    }

    public sealed interface Outcome permits Registered, AddressTaken {
    }

    /** The household to store (its id is the store's) and its 户主. */
    public record Registered(Household household, Person.Details head) implements Outcome {
    }

    /** A household of the village already has this house number or address. Field {@code address}. */
    public record AddressTaken(String villageCode, String address) implements Outcome {
    }

    /** Registration: one household per address in a village; the 户主 is its first member. */
    public static Outcome register(String villageCode, String address, int size, Person.Details head, boolean addressTaken) {
        Household household = new Household(null, villageCode, address, size, 0);
        if (addressTaken) {
            return new AddressTaken(villageCode, household.address());
        }
        return new Registered(household, head);
    }

    /** The event of its registration, with the village's grid figures after it. */
    public CommunityEvents.HouseholdRegistered registered(CommunityEvents.GridCounts grid) {
        return new CommunityEvents.HouseholdRegistered(id, villageCode, size, version, grid);
    }
}
