package io.cunjian.camerainventory.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraStatus;
import io.cunjian.camerainventory.domain.GeoPoint;
import io.cunjian.camerainventory.domain.MaintenanceRecord;
import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneCoverage;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.ChinaTime;

/** The JSON shapes of the camera-inventory API. Times are shown in China Standard Time. */
public final class Views {

    private Views() {
    }

    @Schema(description = "A WGS-84 point")
    public record Point(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "43.5") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "123.5") Double longitude) {

        GeoPoint toDomain() {
            return new GeoPoint(latitude, longitude);
        }

        static Point of(GeoPoint p) {
            return p == null ? null : new Point(p.latitude(), p.longitude());
        }
    }

    public record ZoneView(@Min(1) @Max(Long.MAX_VALUE) long id, @Size(max = Bounds.REGION_CODE) String villageCode,
            @Size(max = 100) String name, @Size(max = 20) String kind, Point centre, boolean covered,
            OffsetDateTime coveredChangedAt, @Min(0) @Max(Bounds.COUNT) long version) {
        static ZoneView of(ZoneCoverage z) {
            Zone zone = z.zone();
            return new ZoneView(zone.id(), zone.villageCode(), zone.details().name(), zone.details().kind().name(),
                    Point.of(zone.details().centre()), z.covered(), local(z.coveredChangedAt()), zone.version());
        }
    }

    public record ZonePage(@Size(max = Bounds.PAGE_SIZE) List<ZoneView> items, @Min(0) @Max(Bounds.PAGE) int page,
            @Min(1) @Max(Bounds.PAGE_SIZE) int size, @Min(0) @Max(Bounds.COUNT) long total) {
    }

    public record CameraView(@Size(max = HeartbeatResource.SERIAL) String serial, @Size(max = Bounds.REGION_CODE) String villageCode,
            @Min(1) @Max(Long.MAX_VALUE) long zoneId, @Size(max = 100) String model, @Size(max = 100) String vendor, Point position,
            LocalDate installedOn, @Size(max = 100) String installer, @Size(max = 20) String lifecycle,
            @Schema(description = "whether its last heartbeat is inside the online window (as of the last sweep)") boolean online,
            OffsetDateTime lastSeen, @Min(0) @Max(Bounds.COUNT) long version) {
        static CameraView of(CameraStatus s) {
            Camera c = s.camera();
            Camera.Details d = c.details();
            return new CameraView(c.serial(), c.villageCode(), d.zoneId(), d.model(), d.vendor(), Point.of(d.position()),
                    d.installedOn(), d.installer(), c.lifecycle().name(), s.online(), local(s.lastSeen()), c.version());
        }
    }

    public record CameraPage(@Size(max = Bounds.PAGE_SIZE) List<CameraView> items, @Min(0) @Max(Bounds.PAGE) int page,
            @Min(1) @Max(Bounds.PAGE_SIZE) int size, @Min(0) @Max(Bounds.COUNT) long total) {
    }

    public record MaintenanceView(@Min(1) @Max(Long.MAX_VALUE) long id, @Size(max = HeartbeatResource.SERIAL) String serial,
            LocalDate doneOn, @Size(max = 20) String kind, @Size(max = 2000) String notes, @Size(max = 100) String technician,
            @Size(max = Bounds.ACTOR) String recordedBy, OffsetDateTime recordedAt) {
        static MaintenanceView of(MaintenanceRecord m) {
            return new MaintenanceView(m.id(), m.serial(), m.doneOn(), m.kind().name(), m.notes(), m.technician(),
                    m.recordedBy(), local(m.recordedAt()));
        }
    }

    public record MaintenancePage(@Size(max = Bounds.PAGE_SIZE) List<MaintenanceView> items, @Min(0) @Max(Bounds.PAGE) int page,
            @Min(1) @Max(Bounds.PAGE_SIZE) int size, @Min(0) @Max(Bounds.COUNT) long total) {
    }

    public record BlindZone(@Min(1) @Max(Long.MAX_VALUE) long id, @Size(max = 100) String name, @Size(max = 20) String kind) {
    }

    @Schema(description = "A village's coverage (全覆盖、无死角) as this service, its sole authority, sees it now")
    public record CoverageSummary(@Size(max = Bounds.REGION_CODE) String villageCode, @Min(0) @Max(Integer.MAX_VALUE) int zones,
            @Min(0) @Max(Integer.MAX_VALUE) int coveredZones,
            @Schema(description = "coveredZones / zones, 0 when the village has no zone") double coverage,
            @Schema(description = "camera counts by lifecycle state") Map<String, @Min(0) @Max(Integer.MAX_VALUE) Integer> camerasByLifecycle,
            @Schema(description = "OPERATIONAL cameras that are online") @Min(0) @Max(Integer.MAX_VALUE) int operationalOnline,
            @Schema(description = "zones no OPERATIONAL online camera watches, by name") List<BlindZone> blindZones) {
    }

    public record HeartbeatResult(
            @Min(0) @Max(HeartbeatResource.MOST_SERIALS) @Schema(description = "cameras whose heartbeat was recorded") int accepted,
            @Min(0) @Max(HeartbeatResource.MOST_SERIALS) @Schema(description = "of which came online with this batch") int cameOnline,
            @Min(0) @Max(Integer.MAX_VALUE) @Schema(description = "zones whose coverage changed") int zonesChanged,
            @Min(1) @Max(Integer.MAX_VALUE)
            @Schema(description = "the online window: a camera is online while its last heartbeat is younger") long onlineWindowSeconds) {
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ChinaTime.ZONE).toOffsetDateTime();
    }
}
