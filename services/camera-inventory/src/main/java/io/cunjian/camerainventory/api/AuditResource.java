package io.cunjian.camerainventory.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CamerasConfig;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.LiveStatus;
import io.cunjian.camerainventory.persistence.CameraRepository;
import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.problem.ProblemType;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;

/**
 * The bulk audit (巡检): staff walked a village and saw these cameras working. They count as
 * heartbeats at that time, and the answer names the village's OPERATIONAL cameras nobody saw.
 */
@Path("/api/v1/villages/{code}/audits")
@Tag(name = "Live status", description = "心跳 — heartbeats that keep cameras online")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record Audit(@NotNull @NotEmpty @Schema(description = "serials of the village's cameras seen working") List<String> serials,
            @Schema(description = "when (ISO-8601 with offset); now when omitted") OffsetDateTime at) {
    }

    public record AuditResult(int seen, int cameOnline, int zonesChanged,
            @Schema(description = "OPERATIONAL cameras of the village that were not seen") List<String> notSeen) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    LiveStatus liveStatus;
    @Inject
    CameraRepository cameras;
    @Inject
    CamerasConfig config;

    @POST
    @Extension(name = "x-cunjian-action", value = "true")
    @APIResponse(responseCode = "200", description = "recorded as heartbeats; the OPERATIONAL cameras not seen")
    @APIResponse(responseCode = "400", description = "unknown serials, or cameras of another village (named); nothing was recorded")
    public AuditResult auditVillage(@PathParam("code") String code, @Valid @NotNull Audit body) {
        if (code == null || !code.matches("[0-9]{12}")) {
            throw new NotFoundProblem("problem.village.not-found", String.valueOf(code));
        }
        caller.get().require(Policies.MANAGE_IN_REGION, code);
        if (body.serials().size() > config.maxBatch()) {
            throw new InvalidInputProblem("serials", "problem.heartbeat.batch-too-large");
        }
        for (int i = 0; i < body.serials().size(); i++) {
            if (!Camera.validSerial(body.serials().get(i))) {
                throw new InvalidInputProblem(List.of(new FieldError("serials[" + i + "]", "problem.camera.serial.invalid")));
            }
        }
        Instant now = Instant.now();
        Instant at = body.at() == null ? now : body.at().toInstant();
        if (at.isAfter(now.plus(config.maxClockSkew()))) {
            throw new InvalidInputProblem("at", "problem.heartbeat.in-the-future");
        }
        LiveStatus.BatchResult r;
        try {
            r = liveStatus.heartbeat(body.serials(), at, code::equals);
        } catch (LiveStatus.HeartbeatRefused refused) {
            if (!refused.unknownSerials().isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "problem.heartbeat.unknown-serials",
                        refused.unknownSerials().size(), String.join(", ", refused.unknownSerials()))
                        .with("unknownSerials", refused.unknownSerials());
            }
            throw new ProblemException(ProblemType.VALIDATION, "problem.audit.other-village", code,
                    String.join(", ", refused.forbiddenSerials())).with("otherVillageSerials", refused.forbiddenSerials());
        }
        Set<String> seen = new HashSet<>(body.serials());
        List<String> notSeen = cameras.ofVillage(code).stream().filter(c -> c.lifecycle == Lifecycle.OPERATIONAL)
                .map(c -> c.serial).filter(s -> !seen.contains(s)).toList();
        return new AuditResult(r.cameras(), r.cameOnline(), r.zones().size(), notSeen);
    }
}
