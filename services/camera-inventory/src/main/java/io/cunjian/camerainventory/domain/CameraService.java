package io.cunjian.camerainventory.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.chassis.domain.ExpectedVersion;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.domain.StateConflict;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;

/**
 * Camera use cases, each in one transaction with its outbox rows and, when a change touches
 * coverage (a camera starts or stops counting by {@link CoverageRule}, or moves zone), the
 * recomputation of the zones concerned. Each loads the camera, checks the caller and the version,
 * lets the aggregate decide, stores and publishes.
 */
@ApplicationScoped
public class CameraService {

    /** What a registration may come to besides success. */
    public sealed interface Registration permits Registered, SerialTaken, ZoneUnknown, ZoneInAnotherVillage {
    }

    public record Registered(Camera camera) implements Registration {
    }

    public record SerialTaken(String serial) implements Registration {
    }

    public record ZoneUnknown(long zoneId) implements Registration {
    }

    public record ZoneInAnotherVillage(long zoneId, String zoneVillage) implements Registration {
    }

    /** A camera as registered: its details, and the lifecycle it is in (PLANNED unless it already works). */
    public record NewCamera(String serial, String villageCode, Camera.Details details, Lifecycle lifecycle) {
    }

    public record MaintenanceEntry(LocalDate doneOn, MaintenanceKind kind, String notes, String technician) {
        public MaintenanceEntry {
            notes = notes == null || notes.isBlank() ? null : notes.strip();
            technician = technician.strip();
        }
    }

    @Inject
    Cameras cameras;
    @Inject
    Zones zones;
    @Inject
    MaintenanceLog maintenance;
    @Inject
    RegionReplica replica;
    @Inject
    Coverage coverage;
    @Inject
    Outbox outbox;

    /** Registers one camera for a caller who manages its village; each refusal is the rejection the caller sees. */
    @Transactional
    public Camera register(NewCamera c, Caller caller) {
        caller.require(Policies.MANAGE_IN_REGION, c.villageCode());
        if (!c.lifecycle().registrable()) {
            throw new InvalidInput("lifecycle", "problem.camera.lifecycle.not-registrable");
        }
        Registration r = registerInTransaction(c);
        if (r instanceof SerialTaken taken) {
            throw new StateConflict(null, "problem.camera.serial-taken", taken.serial());
        }
        if (r instanceof ZoneUnknown || r instanceof ZoneInAnotherVillage) {
            throw new InvalidInput("zoneId", r instanceof ZoneUnknown ? "problem.camera.zone-unknown"
                    : "problem.camera.zone-in-another-village");
        }
        return ((Registered) r).camera();
    }

    /**
     * All or nothing: the first refusal rolls every registration of the list back (CSV import). The import
     * reports a row outside the caller's regions with the other row problems ({@link #mayRegisterIn}), so a
     * list that reaches this point is the caller's; a camera that is not is refused all the same.
     */
    @Transactional(rollbackOn = RegistrationRefused.class)
    public List<Camera> registerAll(List<NewCamera> list, Caller caller) throws RegistrationRefused {
        list.forEach(c -> caller.require(Policies.MANAGE_IN_REGION, c.villageCode()));
        List<Camera> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Registration r = registerInTransaction(list.get(i));
            if (r instanceof Registered registered) {
                out.add(registered.camera());
            } else {
                throw new RegistrationRefused(i, r);
            }
        }
        return out;
    }

    /** Thrown by {@link #registerAll} to roll the whole list back. */
    public static class RegistrationRefused extends Exception {
        private final int index;
        private final transient Registration registration;

        public RegistrationRefused(int index, Registration registration) {
            super("registration " + index + " refused: " + registration, null, false, false);
            this.index = index;
            this.registration = registration;
        }

        public int index() {
            return index;
        }

        public Registration registration() {
            return registration;
        }
    }

    private Registration registerInTransaction(NewCamera c) {
        replica.requireVillage("villageCode", c.villageCode());
        Optional<ZoneCoverage> zone = zones.withId(c.details().zoneId());
        if (zone.isEmpty()) {
            return new ZoneUnknown(c.details().zoneId());
        }
        String zoneVillage = zone.get().zone().villageCode();
        if (!zoneVillage.equals(c.villageCode())) {
            return new ZoneInAnotherVillage(c.details().zoneId(), zoneVillage);
        }
        if (cameras.exists(c.serial())) {
            return new SerialTaken(c.serial());
        }
        Camera camera = cameras.add(new Camera(c.serial(), c.villageCode(), c.details(), c.lifecycle(), 0));
        outbox.publish(new OutgoingEvent(TopicNames.CAMERA, c.villageCode(), CameraEvents.REGISTERED, null, state(camera)));
        // a new camera has never sent a heartbeat: offline, so no zone's coverage changes
        return new Registered(camera);
    }

    /** New details against the version the caller saw; a move to another zone recomputes both zones. */
    @Transactional
    public Camera.Outcome update(String serial, Camera.Details details, Caller caller, ExpectedVersion expected) {
        Camera current = lockForChange(serial, caller);
        expected.check(current.version());
        boolean zoneInVillage = details.zoneId() == current.details().zoneId() || zones.withId(details.zoneId())
                .filter(z -> z.zone().villageCode().equals(current.villageCode())).isPresent();
        Camera.Outcome outcome = current.update(details, zoneInVillage);
        if (outcome instanceof Camera.Updated updated) {
            Camera after = cameras.save(updated.camera());
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, after.villageCode(), CameraEvents.UPDATED, null, state(after)));
            if (updated.before().zoneId() != details.zoneId()) {
                coverage.recompute(List.of(updated.before().zoneId(), details.zoneId()), CameraEvents.Cause.CAMERA_MOVED);
            }
            return new Camera.Updated(after, updated.before());
        }
        return outcome;
    }

    /** A lifecycle transition ({@code expected} checked unless none was named); illegal ones are refused naming the current state. */
    @Transactional
    public Camera.Outcome moveTo(String serial, Lifecycle target, String reason, Caller caller, ExpectedVersion expected) {
        Camera current = lockForChange(serial, caller);
        if (!expected.isNone()) {
            expected.check(current.version());
        }
        Camera.Outcome outcome = current.moveTo(target);
        if (outcome instanceof Camera.Moved moved) {
            Camera after = cameras.save(moved.camera());
            String village = after.villageCode();
            long zoneId = after.details().zoneId();
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, village, CameraEvents.LIFECYCLE_CHANGED, null,
                    new CameraEvents.LifecycleChanged(serial, village, zoneId, moved.from().name(), target.name(),
                            why, after.version())));
            if (target == Lifecycle.DECOMMISSIONED) {
                outbox.publish(new OutgoingEvent(TopicNames.CAMERA, village, CameraEvents.DECOMMISSIONED, null,
                        new CameraEvents.Decommissioned(serial, village, zoneId, why, after.version())));
            }
            if (CoverageRule.changesCoverage(moved.from(), target)) {
                coverage.recompute(List.of(zoneId), CameraEvents.Cause.LIFECYCLE);
            }
            return new Camera.Moved(after, moved.from());
        }
        return outcome;
    }

    @Transactional
    public MaintenanceRecord logMaintenance(String serial, MaintenanceEntry entry, Caller caller) {
        Camera camera = lookup(serial).orElseThrow(() -> notFound(serial)).camera();
        Caller who = caller.require(Policies.MANAGE_IN_REGION, camera.villageCode());
        return maintenance.add(serial, entry, who.subject());
    }

    /** The camera, for staff and viewers of its village's region (an unknown or malformed serial: 404 first). */
    @Transactional
    public CameraStatus find(Caller caller, String serial) {
        CameraStatus found = lookup(serial).orElseThrow(() -> notFound(serial));
        caller.require(Policies.READ_IN_REGION, found.camera().villageCode());
        return found;
    }

    /** Whether the caller may register cameras in the village (staff who manage it). */
    public boolean mayRegisterIn(Caller caller, String villageCode) {
        return caller.may(Policies.MANAGE_IN_REGION, villageCode);
    }

    /** Whether a camera has this serial (an import checks each row before it registers any). */
    @Transactional
    public boolean exists(String serial) {
        return cameras.exists(serial);
    }

    /** The cameras the caller may read that match the filter, one page of them. */
    @Transactional
    public Results<CameraStatus> search(Caller caller, CameraFilter filter, int page, int size) {
        CameraFilter visible = visibleTo(caller, filter);
        return new Results<>(cameras.matching(visible, page, size), cameras.countMatching(visible));
    }

    /** Every camera the caller may read that matches the filter (the export). */
    @Transactional
    public List<CameraStatus> all(Caller caller, CameraFilter filter) {
        return cameras.allMatching(visibleTo(caller, filter));
    }

    /** The camera's maintenance log, latest first, for those who may read the camera. */
    @Transactional
    public Results<MaintenanceRecord> maintenanceLog(Caller caller, String serial, int page, int size) {
        find(caller, serial);
        return new Results<>(maintenance.ofCamera(serial, page, size), maintenance.countOfCamera(serial));
    }

    public static NotFound notFound(String serial) {
        return new NotFound("problem.camera.not-found", serial);
    }

    private Optional<CameraStatus> lookup(String serial) {
        return Camera.validSerial(serial) ? cameras.withSerial(serial) : Optional.empty();
    }

    /** The filter narrowed to the regions the caller reads (403 for roles that read nothing here). */
    private static CameraFilter visibleTo(Caller caller, CameraFilter filter) {
        return filter.scopedTo(RegionScope.readable(caller, filter.scope()));
    }

    /** The camera locked for a change by a caller who manages its village (404 before 403, as a read would answer). */
    private Camera lockForChange(String serial, Caller caller) {
        if (!Camera.validSerial(serial)) {
            throw notFound(serial);
        }
        Camera current = cameras.lockForChange(serial).orElseThrow(() -> notFound(serial));
        caller.require(Policies.MANAGE_IN_REGION, current.villageCode());
        return current;
    }

    static CameraEvents.Camera state(Camera c) {
        Camera.Details d = c.details();
        return new CameraEvents.Camera(c.serial(), c.villageCode(), d.zoneId(), d.model(), d.vendor(),
                new CameraEvents.Point(d.position().latitude(), d.position().longitude()), d.installedOn(), d.installer(),
                c.lifecycle().name(), c.version());
    }
}
