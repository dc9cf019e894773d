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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.ZoneCoverage;
import io.cunjian.camerainventory.domain.ZoneKind;
import io.cunjian.camerainventory.domain.ZoneService;
import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;

/** Coverage zones (监控覆盖区域): the parts of a village that must be watched. */
@Path("/api/v1/zones")
@Tag(name = "Zones", description = "覆盖区域 — the parts of a village cameras must watch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ZoneResource {

    @Inject
    CurrentCaller caller;
    @Inject
    ZoneService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "defined (uncovered until a camera of it is OPERATIONAL and online)")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    public Response defineZone(@Valid @NotNull DefineZone body) {
        ZoneCoverage defined = service.define(body.villageCode(), body.details(), caller.get());
        Views.ZoneView view = Views.ZoneView.of(service.find(caller.get(), defined.zone().id()));
        return Response.created(URI.create("/api/v1/zones/" + view.id())).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getZone(@PathParam("id") long id) {
        ZoneCoverage z = service.find(caller.get(), id);
        return Response.ok(Views.ZoneView.of(z)).tag(ETags.of(z.zone().version())).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version, no event)")
    public Response updateZone(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ZoneDetails body) {
        service.update(id, body.toDomain(), caller.get(), ETags.expected(ifMatch));
        Views.ZoneView view = Views.ZoneView.of(service.find(caller.get(), id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public Views.ZonePage searchZones(
            @QueryParam("within") @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("village") @Parameter(description = "12-digit village code") String village,
            @QueryParam("kind") @Parameter(description = "zone kind") ZoneKind kind,
            @QueryParam("covered") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN), description = "true: covered zones only; false: blind zones only") String covered,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Lists.checkCodes(within, village);
        var found = service.search(caller.get(), within, village, kind, covered, page, size);
        return new Views.ZonePage(found.items().stream().map(Views.ZoneView::of).toList(), page, size, found.total());
    }
}
