package io.cunjian.camerainventory.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.LiveStatus;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.CurrentCaller;

/**
 * The bulk audit (巡检): staff walked a village and saw these cameras working. They count as
 * heartbeats at that time, and the answer names the village's OPERATIONAL cameras nobody saw.
 */
@Path("/api/v1/villages/{code}/audits")
@Tag(name = "Live status", description = "心跳 — heartbeats that keep cameras online")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    CurrentCaller caller;
    @Inject
    LiveStatus liveStatus;

    @POST
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @APIResponse(responseCode = "200", description = "recorded as heartbeats; the OPERATIONAL cameras not seen")
    @APIResponse(responseCode = "400", description = "unknown serials, or cameras of another village (named); nothing was recorded")
    public AuditResult auditVillage(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @Valid @NotNull Audit body) {
        if (!RegionCode.isVillageCode(code)) {
            throw new NotFoundProblem("problem.village.not-found", String.valueOf(code));
        }
        LiveStatus.AuditResult audit = liveStatus.audit(code, body.serials(), body.at(), caller.get());
        return AuditResult.of(audit);
    }
}
