package io.cunjian.camerainventory.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.LiveStatus;

/** An audit's answer: how many cameras were seen, what changed, and the cameras nobody saw. */
public record AuditResult(@Min(0) @Max(HeartbeatResource.MOST_SERIALS) int seen,
        @Min(0) @Max(HeartbeatResource.MOST_SERIALS) int cameOnline, @Min(0) @Max(Integer.MAX_VALUE) int zonesChanged,
        @Schema(description = "OPERATIONAL cameras of the village that were not seen") List<@Size(max = HeartbeatResource.SERIAL) String> notSeen) {

    static AuditResult of(LiveStatus.AuditResult audit) {
        LiveStatus.BatchResult r = audit.batch();
        return new AuditResult(r.cameras(), r.cameOnline(), r.zones().size(), audit.notSeen());
    }
}
