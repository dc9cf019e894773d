package io.cunjian.camerainventory.domain;

import java.util.Objects;

/** A coverage zone: a part of a village that cameras watch (an entrance, the main road, the square…). */
public record Zone(Long id, String villageCode, Details details, long version) {

    /** What staff may change; the village never changes. {@code centre} may be unknown (null). */
    public record Details(String name, ZoneKind kind, GeoPoint centre) {
        public Details {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            name = name.strip();
        }
    }

    public sealed interface Outcome permits Accepted, Unchanged, Rejected {
    }

    public record Accepted(Zone zone) implements Outcome {
    }

    public record Unchanged(Zone zone) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    public sealed interface Rejection permits NameTaken {
    }

    /** Zone names are unique within a village. */
    public record NameTaken(String villageCode, String name) implements Rejection {
    }

    public static Outcome define(String villageCode, Details details, boolean nameTaken) {
        if (nameTaken) {
            return new Rejected(new NameTaken(villageCode, details.name()));
        }
        return new Accepted(new Zone(null, villageCode, details, 0));
    }

    public Outcome update(Details newDetails, boolean nameTaken) {
        if (newDetails.equals(details)) {
            return new Unchanged(this);
        }
        if (nameTaken) {
            return new Rejected(new NameTaken(villageCode, newDetails.name()));
        }
        return new Accepted(new Zone(id, villageCode, newDetails, version + 1));
    }
}
