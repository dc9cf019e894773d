package io.cunjian.camerainventory.api;

import java.net.URI;
import java.util.List;

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

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneKind;
import io.cunjian.camerainventory.domain.ZoneService;
import io.cunjian.camerainventory.persistence.ZoneEntity;
import io.cunjian.camerainventory.persistence.ZoneRepository;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;

/** Coverage zones (监控覆盖区域): the parts of a village that must be watched. */
@Path("/api/v1/zones")
@Tag(name = "Zones", description = "覆盖区域 — the parts of a village cameras must watch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ZoneResource {

    public record ZoneDetails(@NotBlank @Size(max = 100) @Schema(examples = "东村口") String name,
            @NotNull @Schema(description = "ENTRANCE, MAIN_ROAD, SQUARE, SCHOOL_GATE, RIVER_BANK or OTHER") ZoneKind kind,
            @Valid @Schema(description = "optional centre point (WGS-84)") Views.Point centre) {

        Zone.Details toDomain() {
            return new Zone.Details(name, kind, centre == null ? null : centre.toDomain());
        }
    }

    public record DefineZone(
            @NotBlank @Pattern(regexp = "[0-9]{12}") @Schema(description = "12-digit village code", examples = "220382201201") String villageCode,
            @NotBlank @Size(max = 100) String name, @NotNull ZoneKind kind, @Valid Views.Point centre) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ZoneService service;
    @Inject
    ZoneRepository repository;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "defined (uncovered until a camera of it is OPERATIONAL and online)")
    @APIResponse(responseCode = "503", description = "the village is not known here yet (replica lag): retry after Retry-After")
    public Response defineZone(@Valid @NotNull DefineZone body) {
        caller.get().require(Policies.MANAGE_IN_REGION, body.villageCode());
        Zone.Outcome outcome = service.define(body.villageCode(),
                new ZoneDetails(body.name(), body.kind(), body.centre()).toDomain());
        if (outcome instanceof Zone.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        Zone zone = ((Zone.Accepted) outcome).zone();
        Views.ZoneView view = Views.ZoneView.of(service.find(zone.id()).orElseThrow());
        return Response.created(URI.create("/api/v1/zones/" + view.id())).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getZone(@PathParam("id") long id) {
        ZoneEntity e = service.find(id).orElseThrow(() -> notFound(id));
        caller.get().require(Policies.READ_IN_REGION, e.villageCode);
        return Response.ok(Views.ZoneView.of(e)).tag(ETags.of(e.version)).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version, no event)")
    public Response updateZone(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ZoneDetails body) {
        ZoneEntity e = service.find(id).orElseThrow(() -> notFound(id));
        caller.get().require(Policies.MANAGE_IN_REGION, e.villageCode);
        Zone.Outcome outcome = service.update(id, body.toDomain(), ifMatch).orElseThrow(() -> notFound(id));
        if (outcome instanceof Zone.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        Views.ZoneView view = Views.ZoneView.of(service.find(id).orElseThrow());
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public Views.ZonePage searchZones(
            @QueryParam("within") @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("village") @Parameter(description = "12-digit village code") String village,
            @QueryParam("kind") @Parameter(description = "zone kind") ZoneKind kind,
            @QueryParam("covered") @Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN), description = "true: covered zones only; false: blind zones only") String covered,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> regions = Lists.readableRegions(caller.get(), within, village);
        var filter = new ZoneRepository.Filter(regions, within, village, kind, Lists.flag("covered", covered));
        return new Views.ZonePage(repository.search(filter, page, size).stream().map(Views.ZoneView::of).toList(), page, size,
                repository.countSearch(filter));
    }

    static NotFoundProblem notFound(long id) {
        return new NotFoundProblem("problem.zone.not-found", Long.toString(id));
    }

    private static RuntimeException problem(Zone.Rejection rejection) {
        Zone.NameTaken taken = (Zone.NameTaken) rejection;
        return new ConflictProblem(null, "problem.zone.name-taken", taken.villageCode(), taken.name());
    }
}
