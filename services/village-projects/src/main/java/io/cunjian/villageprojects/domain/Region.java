package io.cunjian.villageprojects.domain;

import java.util.Optional;

import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.villageprojects.events.RegionEvents;

/**
 * An administrative region. Commands return the event they cause or the rule they break; the
 * caller persists the one and publishes the other.
 */
public record Region(RegionCode code, String name, long version) {

    public sealed interface Rejection permits AlreadyRegistered, ParentNotRegistered, NameUnchanged {
    }

    public record AlreadyRegistered(RegionCode code) implements Rejection {
    }

    public record ParentNotRegistered(RegionCode parent) implements Rejection {
    }

    public record NameUnchanged(String name) implements Rejection {
    }

    public sealed interface Outcome<E> permits Accepted, Rejected {
    }

    public record Accepted<E>(Region region, E event) implements Outcome<E> {
    }

    public record Rejected<E>(Rejection rejection) implements Outcome<E> {
    }

    /**
     * Registration policy: a code is registered once, and below a registered parent (a province
     * has none) — so every roll-up can walk from a village up to its province.
     */
    public static Outcome<RegionEvents.Registered> register(RegionCode code, String name, boolean alreadyRegistered,
            boolean parentRegistered) {
        if (alreadyRegistered) {
            return new Rejected<>(new AlreadyRegistered(code));
        }
        Optional<RegionCode> parent = RegionLevel.parentOf(code);
        if (parent.isPresent() && !parentRegistered) {
            return new Rejected<>(new ParentNotRegistered(parent.get()));
        }
        Region region = new Region(code, name.strip(), 0);
        return new Accepted<>(region, new RegionEvents.Registered(code.value(), region.name(), RegionLevel.of(code).name(),
                parent.map(RegionCode::value).orElse(null), region.version()));
    }

    public Outcome<RegionEvents.Renamed> rename(String newName) {
        String name = newName.strip();
        if (name.equals(this.name)) {
            return new Rejected<>(new NameUnchanged(name));
        }
        Region renamed = new Region(code, name, version + 1);
        return new Accepted<>(renamed, new RegionEvents.Renamed(code.value(), name, this.name, renamed.version()));
    }
}
