package io.cunjian.camerainventory.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A security camera of a village, in one coverage zone of that village. Its serial is its id and
 * never changes, nor does its village. Commands return the event they cause or the rule they break.
 */
public record Camera(String serial, String villageCode, Details details, Lifecycle lifecycle, long version) {

    /** What staff may change with an update: everything but the serial, the village and the lifecycle. */
    public record Details(String model, String vendor, long zoneId, GeoPoint position, LocalDate installedOn,
            String installer) {

        public Details {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(position, "position");
            model = model.strip();
            vendor = vendor.strip();
            installer = installer == null || installer.isBlank() ? null : installer.strip();
        }
    }

    public Camera {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    public sealed interface Outcome permits Moved, Updated, Unchanged, Refused, ZoneNotInVillage {
    }

    /** A lifecycle transition: {@code from → camera.lifecycle()}. */
    public record Moved(Camera camera, Lifecycle from) implements Outcome {
    }

    public record Updated(Camera camera, Details before) implements Outcome {
    }

    public record Unchanged(Camera camera) implements Outcome {
    }

    /** The transition is not allowed from the current state (409 naming it); {@code requested} null: an update of a decommissioned camera. */
    public record Refused(Lifecycle current, Lifecycle requested) implements Outcome {
    }

    /** The zone named is unknown or lies in another village (a camera never leaves its village). */
    public record ZoneNotInVillage(long zoneId) implements Outcome {
    }

    /** A device serial: what the schema's CHECK on camera.serial allows, for Bean Validation's {@code @Pattern} too. */
    public static final String SERIAL_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final Pattern SERIAL = Pattern.compile(SERIAL_PATTERN);

    public static boolean validSerial(String serial) {
        return serial != null && SERIAL.matcher(serial).matches();
    }

    public Outcome moveTo(Lifecycle target) {
        if (!lifecycle.mayMoveTo(target)) {
            return new Refused(lifecycle, target);
        }
        return new Moved(new Camera(serial, villageCode, details, target, version + 1), lifecycle);
    }

    /** {@code zoneInVillage}: whether the zone of the new details is one of this camera's village. */
    public Outcome update(Details newDetails, boolean zoneInVillage) {
        if (newDetails.equals(details)) {
            return new Unchanged(this);
        }
        if (lifecycle == Lifecycle.DECOMMISSIONED) {
            return new Refused(lifecycle, null); // a decommissioned camera is kept as it was
        }
        if (!zoneInVillage) {
            return new ZoneNotInVillage(newDetails.zoneId());
        }
        return new Updated(new Camera(serial, villageCode, newDetails, lifecycle, version + 1), details);
    }
}
