package io.cunjian.camerainventory.api;

import java.net.URI;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.MaintenanceKind;
import io.cunjian.camerainventory.persistence.CameraEntity;
import io.cunjian.camerainventory.persistence.CameraRepository;
import io.cunjian.camerainventory.persistence.MaintenanceRepository;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.problem.ProblemException;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;

/** Cameras (摄像头): inventory, lifecycle and maintenance log. Live status comes from /api/v1/heartbeats. */
@Path("/api/v1/cameras")
@Tag(name = "Cameras", description = "摄像头 — the camera inventory, lifecycle and maintenance log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CameraResource {

    static final String SERIAL = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    @Schema(description = "A camera's details: everything but its serial, village and lifecycle")
    public record CameraDetails(
            @NotNull @Schema(description = "the coverage zone it watches; a zone of its village") Long zoneId,
            @NotBlank @Size(max = 100) @Schema(examples = "DS-2CD3T46WDV3-I3") String model,
            @NotBlank @Size(max = 100) @Schema(examples = "海康威视") String vendor,
            @NotNull @Valid Views.Point position,
            @Schema(description = "installation date; null when not installed yet") LocalDate installedOn,
            @Size(max = 100) @Schema(description = "who installed it (company or person)") String installer) {

        Camera.Details toDomain() {
            return new Camera.Details(model, vendor, zoneId, position.toDomain(), installedOn, installer);
        }
    }

    public record RegisterCamera(
            @NotBlank @Pattern(regexp = SERIAL) @Schema(description = "the device serial; unique, never changes", examples = "DS-K1T671-0042") String serial,
            @NotBlank @Pattern(regexp = "[0-9]{12}") @Schema(examples = "220382201201") String villageCode,
            @NotNull Long zoneId, @NotBlank @Size(max = 100) String model, @NotBlank @Size(max = 100) String vendor,
            @NotNull @Valid Views.Point position, LocalDate installedOn, @Size(max = 100) String installer,
            @Schema(description = "PLANNED (default), INSTALLED or OPERATIONAL for a camera already at work") Lifecycle lifecycle) {

        CameraService.NewCamera toDomain() {
            return new CameraService.NewCamera(serial, villageCode,
                    new CameraDetails(zoneId, model, vendor, position, installedOn, installer).toDomain(),
                    lifecycle == null ? Lifecycle.PLANNED : lifecycle);
        }
    }

    public record LifecycleChange(@NotNull @Schema(description = "the state to move to") Lifecycle to,
            @Size(max = 500) @Schema(description = "why, e.g. 镜头损坏") String reason) {
    }

    public record MaintenanceInput(@NotNull LocalDate doneOn, @NotNull MaintenanceKind kind, @Size(max = 2000) String notes,
            @NotBlank @Size(max = 100) String technician) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    CameraService service;
    @Inject
    CameraRepository repository;
    @Inject
    MaintenanceRepository maintenance;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered (offline until its first heartbeat)")
    @APIResponse(responseCode = "503", description = "the village is not known here yet (replica lag): retry after Retry-After")
    public Response registerCamera(@Valid @NotNull RegisterCamera body) {
        caller.get().require(Policies.MANAGE_IN_REGION, body.villageCode());
        CameraService.NewCamera camera = body.toDomain();
        if (!camera.lifecycle().registrable()) {
            throw new InvalidInputProblem("lifecycle", "problem.camera.lifecycle.not-registrable");
        }
        throwIfRefused(service.register(camera), "");
        CameraEntity e = service.find(camera.serial()).orElseThrow();
        return Response.created(URI.create("/api/v1/cameras/" + e.serial)).tag(ETags.of(e.version))
                .entity(Views.CameraView.of(e)).build();
    }

    /** Maps a refused registration to its problem; {@code fieldPrefix} e.g. {@code rows[3].} for the import. */
    static void throwIfRefused(CameraService.Registration r, String fieldPrefix) {
        if (r instanceof CameraService.SerialTaken taken) {
            throw new ConflictProblem(null, "problem.camera.serial-taken", taken.serial());
        }
        if (r instanceof CameraService.ZoneUnknown unknown) {
            throw new InvalidInputProblem(fieldPrefix + "zoneId", "problem.camera.zone-unknown");
        }
        if (r instanceof CameraService.ZoneInAnotherVillage other) {
            throw new InvalidInputProblem(fieldPrefix + "zoneId", "problem.camera.zone-in-another-village");
        }
    }

    @GET
    @Path("/{serial}")
    public Response getCamera(@PathParam("serial") String serial) {
        CameraEntity e = find(serial);
        caller.get().require(Policies.READ_IN_REGION, e.villageCode);
        return Response.ok(Views.CameraView.of(e)).tag(ETags.of(e.version)).build();
    }

    @PUT
    @Path("/{serial}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version, no event)")
    public Response updateCamera(@PathParam("serial") String serial, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CameraDetails body) {
        CameraEntity e = find(serial);
        caller.get().require(Policies.MANAGE_IN_REGION, e.villageCode);
        Camera.Outcome outcome = service.update(serial, body.toDomain(), ifMatch).orElseThrow(() -> notFound(serial));
        throwIfRefused(outcome);
        CameraEntity after = find(serial);
        return Response.ok(Views.CameraView.of(after)).tag(ETags.of(after.version)).build();
    }

    @POST
    @Path("/{serial}/lifecycle")
    @Idempotent
    @Extension(name = "x-cunjian-action", value = "true")
    @APIResponse(responseCode = "200", description = "moved; the camera after the change")
    @APIResponse(responseCode = "409", description = "not allowed from the current state (currentState names it)")
    @APIResponse(responseCode = "412", description = "If-Match (optional here) does not match the camera's current ETag")
    public Response changeLifecycle(@PathParam("serial") String serial,
            @HeaderParam("If-Match") @Parameter(description = "optional: the camera's ETag, checked when given") String ifMatch,
            @Valid @NotNull LifecycleChange body) {
        CameraEntity e = find(serial);
        caller.get().require(Policies.MANAGE_IN_REGION, e.villageCode);
        Camera.Outcome outcome = service.moveTo(serial, body.to(), body.reason(), ifMatch).orElseThrow(() -> notFound(serial));
        throwIfRefused(outcome);
        CameraEntity after = find(serial);
        return Response.ok(Views.CameraView.of(after)).tag(ETags.of(after.version)).build();
    }

    @GET
    public Views.CameraPage searchCameras(
            @QueryParam("within") @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("village") @Parameter(description = "12-digit village code") String village,
            @QueryParam("zone") @Parameter(description = "zone id") Long zone,
            @QueryParam("lifecycle") @Parameter(description = "lifecycle state") Lifecycle lifecycle,
            @QueryParam("online") @Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN), description = "true: online cameras only; false: offline ones") String online,
            @QueryParam("vendor") @Parameter(description = "vendor, exactly") String vendor,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CameraRepository.Filter filter = filter(caller.get(), within, village, zone, lifecycle, Lists.flag("online", online), vendor);
        return new Views.CameraPage(repository.search(filter, page, size).stream().map(Views.CameraView::of).toList(), page,
                size, repository.countSearch(filter));
    }

    static CameraRepository.Filter filter(Caller caller, String within, String village, Long zone, Lifecycle lifecycle,
            Boolean online, String vendor) {
        return new CameraRepository.Filter(Lists.readableRegions(caller, within, village), within, village, zone, lifecycle,
                online, vendor);
    }

    @POST
    @Path("/{serial}/maintenance")
    @Idempotent
    @APIResponse(responseCode = "201", description = "recorded in the camera's maintenance log")
    public Response logMaintenance(@PathParam("serial") String serial, @Valid @NotNull MaintenanceInput body) {
        CameraEntity e = find(serial);
        Caller who = caller.get().require(Policies.MANAGE_IN_REGION, e.villageCode);
        var entry = service.logMaintenance(serial,
                new CameraService.MaintenanceEntry(body.doneOn(), body.kind(), body.notes(), body.technician()), who.subject())
                .orElseThrow(() -> notFound(serial));
        return Response.created(URI.create("/api/v1/cameras/" + serial + "/maintenance/" + entry.id))
                .entity(Views.MaintenanceView.of(entry)).build();
    }

    @GET
    @Path("/{serial}/maintenance")
    public Views.MaintenancePage maintenanceLog(@PathParam("serial") String serial,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        CameraEntity e = find(serial);
        caller.get().require(Policies.READ_IN_REGION, e.villageCode);
        return new Views.MaintenancePage(maintenance.ofCamera(serial, page, size).stream().map(Views.MaintenanceView::of).toList(),
                page, size, maintenance.countOfCamera(serial));
    }

    private CameraEntity find(String serial) {
        if (!Camera.validSerial(serial)) {
            throw notFound(serial);
        }
        return service.find(serial).orElseThrow(() -> notFound(serial));
    }

    static NotFoundProblem notFound(String serial) {
        return new NotFoundProblem("problem.camera.not-found", serial);
    }

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
