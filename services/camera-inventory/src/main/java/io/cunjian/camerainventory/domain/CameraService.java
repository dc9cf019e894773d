package io.cunjian.camerainventory.domain;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.cunjian.camerainventory.events.CameraEvents;
import io.cunjian.camerainventory.persistence.CameraEntity;
import io.cunjian.camerainventory.persistence.CameraRepository;
import io.cunjian.camerainventory.persistence.MaintenanceEntryEntity;
import io.cunjian.camerainventory.persistence.MaintenanceRepository;
import io.cunjian.camerainventory.persistence.ZoneEntity;
import io.cunjian.camerainventory.persistence.ZoneRepository;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.events.TopicNames;
import io.cunjian.chassis.outbox.Outbox;
import io.cunjian.chassis.outbox.OutgoingEvent;
import io.cunjian.chassis.replica.RegionReplica;

/**
 * Camera use cases, each in one transaction with its outbox rows and, when a change touches
 * coverage (a camera becomes or stops being OPERATIONAL, or moves zone), the recomputation of the
 * zones concerned.
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

    @Inject
    CameraRepository cameras;
    @Inject
    ZoneRepository zones;
    @Inject
    MaintenanceRepository maintenance;
    @Inject
    RegionReplica replica;
    @Inject
    Coverage coverage;
    @Inject
    Outbox outbox;

    @Transactional
    public Registration register(NewCamera c) {
        return registerInTransaction(c);
    }

    /** All or nothing: the first refusal rolls every registration of the list back (CSV import). */
    @Transactional(rollbackOn = RegistrationRefused.class)
    public List<Camera> registerAll(List<NewCamera> list) throws RegistrationRefused {
        List<Camera> out = new java.util.ArrayList<>();
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
        replica.requireVillage(c.villageCode());
        Optional<ZoneEntity> zone = zones.findByIdOptional(c.details().zoneId());
        if (zone.isEmpty()) {
            return new ZoneUnknown(c.details().zoneId());
        }
        if (!zone.get().villageCode.equals(c.villageCode())) {
            return new ZoneInAnotherVillage(c.details().zoneId(), zone.get().villageCode);
        }
        if (cameras.findByIdOptional(c.serial()).isPresent()) {
            return new SerialTaken(c.serial());
        }
        CameraEntity e = new CameraEntity();
        e.serial = c.serial();
        e.villageCode = c.villageCode();
        e.lifecycle = c.lifecycle();
        e.apply(c.details());
        cameras.persist(e);
        cameras.flush();
        Camera camera = e.toDomain();
        outbox.publish(new OutgoingEvent(TopicNames.CAMERA, c.villageCode(), CameraEvents.REGISTERED, null, state(camera)));
        // a new camera has never sent a heartbeat: offline, so no zone's coverage changes
        return new Registered(camera);
    }

    /** New details with If-Match; a move to another zone recomputes both zones. */
    @Transactional
    public Optional<Camera.Outcome> update(String serial, Camera.Details details, String ifMatch) {
        Optional<CameraEntity> found = cameras.findByIdOptional(serial, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CameraEntity e = found.get();
        ETags.requireIfMatch(ifMatch, e.version);
        Camera current = e.toDomain();
        boolean zoneInVillage = details.zoneId() == current.details().zoneId() || zones.findByIdOptional(details.zoneId())
                .filter(z -> z.villageCode.equals(current.villageCode())).isPresent();
        Camera.Outcome outcome = current.update(details, zoneInVillage);
        if (outcome instanceof Camera.Updated updated) {
            e.apply(updated.camera().details());
            cameras.flush();
            Camera after = e.toDomain();
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, e.villageCode, CameraEvents.UPDATED, null, state(after)));
            if (updated.before().zoneId() != details.zoneId()) {
                coverage.recompute(List.of(updated.before().zoneId(), details.zoneId()), CameraEvents.Cause.CAMERA_MOVED);
            }
            return Optional.of(new Camera.Updated(after, updated.before()));
        }
        return Optional.of(outcome);
    }

    /** A lifecycle transition (If-Match checked when given); illegal ones are refused naming the current state. */
    @Transactional
    public Optional<Camera.Outcome> moveTo(String serial, Lifecycle target, String reason, String ifMatch) {
        Optional<CameraEntity> found = cameras.findByIdOptional(serial, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CameraEntity e = found.get();
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireIfMatch(ifMatch, e.version);
        }
        Camera.Outcome outcome = e.toDomain().moveTo(target);
        if (outcome instanceof Camera.Moved moved) {
            e.lifecycle = target;
            cameras.flush();
            Camera after = e.toDomain();
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            outbox.publish(new OutgoingEvent(TopicNames.CAMERA, e.villageCode, CameraEvents.LIFECYCLE_CHANGED, null,
                    new CameraEvents.LifecycleChanged(serial, e.villageCode, e.zoneId, moved.from().name(), target.name(),
                            why, after.version())));
            if (target == Lifecycle.DECOMMISSIONED) {
                outbox.publish(new OutgoingEvent(TopicNames.CAMERA, e.villageCode, CameraEvents.DECOMMISSIONED, null,
                        new CameraEvents.Decommissioned(serial, e.villageCode, e.zoneId, why, after.version())));
            }
            if (moved.from().covers() != target.covers()) {
                coverage.recompute(List.of(e.zoneId), CameraEvents.Cause.LIFECYCLE);
            }
            return Optional.of(new Camera.Moved(after, moved.from()));
        }
        return Optional.of(outcome);
    }

    public record MaintenanceEntry(java.time.LocalDate doneOn, MaintenanceKind kind, String notes, String technician) {
    }

    @Transactional
    public Optional<MaintenanceEntryEntity> logMaintenance(String serial, MaintenanceEntry entry, String recordedBy) {
        if (cameras.findByIdOptional(serial).isEmpty()) {
            return Optional.empty();
        }
        MaintenanceEntryEntity m = new MaintenanceEntryEntity();
        m.cameraSerial = serial;
        m.doneOn = entry.doneOn();
        m.kind = entry.kind();
        m.notes = entry.notes() == null || entry.notes().isBlank() ? null : entry.notes().strip();
        m.technician = entry.technician().strip();
        m.recordedBy = recordedBy;
        maintenance.persist(m);
        maintenance.flush();
        return Optional.of(m);
    }

    @Transactional
    public Optional<CameraEntity> find(String serial) {
        return cameras.findByIdOptional(serial);
    }

    static CameraEvents.Camera state(Camera c) {
        Camera.Details d = c.details();
        return new CameraEvents.Camera(c.serial(), c.villageCode(), d.zoneId(), d.model(), d.vendor(),
                new CameraEvents.Point(d.position().latitude(), d.position().longitude()), d.installedOn(), d.installer(),
                c.lifecycle().name(), c.version());
    }
}
