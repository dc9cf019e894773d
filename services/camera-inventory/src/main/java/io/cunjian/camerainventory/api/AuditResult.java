package io.cunjian.camerainventory.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.cunjian.camerainventory.domain.LiveStatus;

/** An audit's answer: how many cameras were seen, what changed, and the cameras nobody saw. */
public record AuditResult(int seen, int cameOnline, int zonesChanged,
        @Schema(description = "OPERATIONAL cameras of the village that were not seen") List<String> notSeen) {

    static AuditResult of(LiveStatus.AuditResult audit) {
        LiveStatus.BatchResult r = audit.batch();
        return new AuditResult(r.cameras(), r.cameOnline(), r.zones().size(), audit.notSeen());
    }
}
