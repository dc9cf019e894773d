package io.cunjian.villageprojects.domain;

import java.util.Objects;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.villageprojects.events.VillageEvents;

/**
 * A village (行政村 or 社区): the region at level VILLAGE, below a registered township, with the
 * figures and contacts staff keep about it. Commands return the event they cause or the rule they
 * break; the service persists the one and publishes the other.
 */
public record Village(RegionCode code, RegionCode townshipCode, Details details, long version) {

    /** Who to call in the village (e.g. the Party secretary or the first secretary). */
    public record Contact(String name, String phone) {
    }

    /**
     * What staff may change. {@code households}, {@code population}, {@code creationYear},
     * {@code creationBatch} and {@code contact} may be unknown (null).
     */
    public record Details(String name, Integer households, Integer population, boolean demonstration,
            Integer creationYear, String creationBatch, Contact contact) {

        public Details {
            Objects.requireNonNull(name, "name");
            name = name.strip();
            creationBatch = creationBatch == null || creationBatch.isBlank() ? null : creationBatch.strip();
            contact = contact == null ? null
                    : new Contact(contact.name() == null ? null : contact.name().strip(),
                            contact.phone() == null ? null : contact.phone().strip());
        }
    }

    public sealed interface Rejection permits NotAVillageCode, NotUnderTownship, TownshipNotRegistered, AlreadyRegistered {
    }

    /** The code is a region code, but not of a village (12 digits). Field {@code code}. */
    public record NotAVillageCode(RegionCode code) implements Rejection {
    }

    /** The township named is not a township, or not the one the code lies in. Field {@code townshipCode}. */
    public record NotUnderTownship(RegionCode code, RegionCode townshipCode) implements Rejection {
    }

    /** The township is not registered (yet). Field {@code townshipCode}. */
    public record TownshipNotRegistered(RegionCode townshipCode) implements Rejection {
    }

    public record AlreadyRegistered(RegionCode code) implements Rejection {
    }

    public sealed interface Outcome permits Accepted, Unchanged, Rejected {
    }

    public record Accepted(Village village, VillageEvents.State event) implements Outcome {
    }

    /** An update that changes nothing: no new version, no event. */
    public record Unchanged(Village village) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    /**
     * Registration policy: a village code has 12 digits, its first nine are the code of its
     * township, and that township is registered; a code is registered once (as a region or a village).
     */
    public static Outcome register(RegionCode code, RegionCode townshipCode, Details details, boolean codeRegistered,
            boolean townshipRegistered) {
        if (RegionLevel.of(code) != RegionLevel.VILLAGE) {
            return new Rejected(new NotAVillageCode(code));
        }
        if (RegionLevel.of(townshipCode) != RegionLevel.TOWNSHIP || !code.township().equals(townshipCode)) {
            return new Rejected(new NotUnderTownship(code, townshipCode));
        }
        if (!townshipRegistered) {
            return new Rejected(new TownshipNotRegistered(townshipCode));
        }
        if (codeRegistered) {
            return new Rejected(new AlreadyRegistered(code));
        }
        Village village = new Village(code, townshipCode, details, 0);
        return new Accepted(village, village.state());
    }

    /** New details; the code and the township never change. */
    public Outcome update(Details newDetails) {
        if (newDetails.equals(details)) {
            return new Unchanged(this);
        }
        Village updated = new Village(code, townshipCode, newDetails, version + 1);
        return new Accepted(updated, updated.state());
    }

    public boolean renamedBy(Details newDetails) {
        return !details.name().equals(newDetails.name());
    }

    /** The village as its events carry it. */
    public VillageEvents.State state() {
        return new VillageEvents.State(code.value(), details.name(), townshipCode.value(), details.households(),
                details.population(), details.demonstration(), details.creationYear(), details.creationBatch(),
                details.contact() == null ? null
                        : new VillageEvents.Contact(details.contact().name(), details.contact().phone()),
                version);
    }
}
