package io.cunjian.camerainventory.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.GeoPoint;
import io.cunjian.camerainventory.persistence.CameraEntity;
import io.cunjian.camerainventory.persistence.MaintenanceEntryEntity;
import io.cunjian.camerainventory.persistence.ZoneEntity;

/** The JSON shapes of the camera-inventory API. Times are shown in Asia/Shanghai. */
public final class Views {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Views() {
    }

    @Schema(description = "A WGS-84 point")
    public record Point(
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(examples = "43.5") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(examples = "123.5") Double longitude) {

        GeoPoint toDomain() {
            return new GeoPoint(latitude, longitude);
        }

        static Point of(Double lat, Double lng) {
            return lat == null ? null : new Point(lat, lng);
        }
    }

    public record ZoneView(long id, String villageCode, String name, String kind, Point centre, boolean covered,
            OffsetDateTime coveredChangedAt, long version) {
        static ZoneView of(ZoneEntity e) {
            return new ZoneView(e.id, e.villageCode, e.name, e.kind.name(), Point.of(e.centreLat, e.centreLng), e.covered,
                    local(e.coveredChangedAt), e.version);
        }
    }

    public record ZonePage(List<ZoneView> items, int page, int size, long total) {
    }

    public record CameraView(String serial, String villageCode, long zoneId, String model, String vendor, Point position,
            LocalDate installedOn, String installer, String lifecycle,
            @Schema(description = "whether its last heartbeat is inside the online window (as of the last sweep)") boolean online,
            OffsetDateTime lastSeen, long version) {
        static CameraView of(CameraEntity e) {
            return new CameraView(e.serial, e.villageCode, e.zoneId, e.model, e.vendor, new Point(e.latitude, e.longitude),
                    e.installedOn, e.installer, e.lifecycle.name(), e.online, local(e.lastSeen), e.version);
        }
    }

    public record CameraPage(List<CameraView> items, int page, int size, long total) {
    }

    public record MaintenanceView(long id, String serial, LocalDate doneOn, String kind, String notes, String technician,
            String recordedBy, OffsetDateTime recordedAt) {
        static MaintenanceView of(MaintenanceEntryEntity m) {
            return new MaintenanceView(m.id, m.cameraSerial, m.doneOn, m.kind.name(), m.notes, m.technician, m.recordedBy,
                    local(m.recordedAt));
        }
    }

    public record MaintenancePage(List<MaintenanceView> items, int page, int size, long total) {
    }

    public record BlindZone(long id, String name, String kind) {
    }

    @Schema(description = "A village's coverage (全覆盖、无死角) as this service, its sole authority, sees it now")
    public record CoverageSummary(String villageCode, int zones, int coveredZones,
            @Schema(description = "coveredZones / zones, 0 when the village has no zone") double coverage,
            @Schema(description = "camera counts by lifecycle state") Map<String, Integer> camerasByLifecycle,
            @Schema(description = "OPERATIONAL cameras that are online") int operationalOnline,
            @Schema(description = "zones no OPERATIONAL online camera watches, by name") List<BlindZone> blindZones) {
    }

    public record HeartbeatResult(@Schema(description = "cameras whose heartbeat was recorded") int accepted,
            @Schema(description = "of which came online with this batch") int cameOnline,
            @Schema(description = "zones whose coverage changed") int zonesChanged,
            @Schema(description = "the online window: a camera is online while its last heartbeat is younger") long onlineWindowSeconds) {
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }
}
