package io.cunjian.camerainventory.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraFilter;
import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.CameraStatus;
import io.cunjian.camerainventory.domain.Flag;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.MaintenanceRecord;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;

/** Cameras (摄像头): inventory, lifecycle and maintenance log. Live status comes from /api/v1/heartbeats. */
@Path("/api/v1/cameras")
@Tag(name = "Cameras", description = "摄像头 — the camera inventory, lifecycle and maintenance log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CameraResource {

    @Inject
    CurrentCaller caller;
    @Inject
    CameraService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered (offline until its first heartbeat)")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    public Response registerCamera(@Valid @NotNull RegisterCamera body) {
        Camera camera = service.register(body.toDomain(), caller.get());
        CameraStatus registered = service.find(caller.get(), camera.serial());
        return Response.created(URI.create("/api/v1/cameras/" + camera.serial())).tag(ETags.of(camera.version()))
                .entity(Views.CameraView.of(registered)).build();
    }

    @GET
    @Path("/{serial}")
    public Response getCamera(@PathParam("serial") String serial) {
        CameraStatus s = service.find(caller.get(), serial);
        return Response.ok(Views.CameraView.of(s)).tag(ETags.of(s.camera().version())).build();
    }

    @PUT
    @Path("/{serial}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version, no event)")
    public Response updateCamera(@PathParam("serial") String serial, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CameraDetails body) {
        throwIfRefused(service.update(serial, body.toDomain(), caller.get(), ETags.expected(ifMatch)));
        return current(serial);
    }

    @POST
    @Path("/{serial}/lifecycle")
    @Idempotent
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @APIResponse(responseCode = "200", description = "moved; the camera after the change")
    @APIResponse(responseCode = "409", description = "not allowed from the current state (currentState names it)")
    @APIResponse(responseCode = "412", description = "If-Match (optional here) does not match the camera's current ETag")
    public Response changeLifecycle(@PathParam("serial") String serial,
            @HeaderParam("If-Match") @Parameter(description = "optional: the camera's ETag, checked when given") String ifMatch,
            @Valid @NotNull LifecycleChange body) {
        throwIfRefused(service.moveTo(serial, body.to(), body.reason(), caller.get(), ETags.expected(ifMatch)));
        return current(serial);
    }

    @GET
    public Views.CameraPage searchCameras(
            @QueryParam("within") @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("village") @Parameter(description = "12-digit village code") String village,
            @QueryParam("zone") @Parameter(description = "zone id") Long zone,
            @QueryParam("lifecycle") @Parameter(description = "lifecycle state") Lifecycle lifecycle,
            @QueryParam("online") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN), description = "true: online cameras only; false: offline ones") String online,
            @QueryParam("vendor") @Parameter(description = "vendor, exactly") String vendor,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var found = service.search(caller.get(), filter(within, village, zone, lifecycle, online, vendor), page, size);
        return new Views.CameraPage(found.items().stream().map(Views.CameraView::of).toList(), page, size, found.total());
    }

    /** The filters as sent: {@code online} first, then the codes (the use case narrows it to the caller's regions). */
    static CameraFilter filter(String within, String village, Long zone, Lifecycle lifecycle, String online,
            String vendor) {
        Boolean onlineOnly = Flag.parse("online", online);
        Lists.checkCodes(within, village);
        return new CameraFilter(null, within, village, zone, lifecycle, onlineOnly, vendor);
    }

    @POST
    @Path("/{serial}/maintenance")
    @Idempotent
    @APIResponse(responseCode = "201", description = "recorded in the camera's maintenance log")
    public Response logMaintenance(@PathParam("serial") String serial, @Valid @NotNull MaintenanceInput body) {
        MaintenanceRecord entry = service.logMaintenance(serial, body.toDomain(), caller.get());
        return Response.created(URI.create("/api/v1/cameras/" + serial + "/maintenance/" + entry.id()))
                .entity(Views.MaintenanceView.of(entry)).build();
    }

    @GET
    @Path("/{serial}/maintenance")
    public Views.MaintenancePage maintenanceLog(@PathParam("serial") String serial,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var log = service.maintenanceLog(caller.get(), serial, page, size);
        return new Views.MaintenancePage(log.items().stream().map(Views.MaintenanceView::of).toList(), page, size,
                log.total());
    }

    /** The camera as stored after a change, with its new ETag. */
    private Response current(String serial) {
        CameraStatus after = service.find(caller.get(), serial);
        return Response.ok(Views.CameraView.of(after)).tag(ETags.of(after.camera().version())).build();
    }

    /** A refusal as the client sees it: 409 naming the current state and the states allowed from it. */
    private static void throwIfRefused(Camera.Outcome outcome) {
        if (outcome instanceof Camera.Refused refused) {
            ProblemException p = refused.requested() == null
                    ? new ConflictProblem(refused.current().name(), "problem.camera.decommissioned")
                    : new ConflictProblem(refused.current().name(), "problem.camera.lifecycle.illegal",
                            refused.current().name(), refused.requested().name());
            throw p.with("allowed", refused.current().next().stream().map(Enum::name).sorted().toList());
        }
        if (outcome instanceof Camera.ZoneNotInVillage) {
            throw new InvalidInputProblem("zoneId", "problem.camera.zone-in-another-village");
        }
    }
}
