package io.cunjian.villageprojects.api;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.villageprojects.domain.Region;
import io.cunjian.villageprojects.domain.RegionLevel;
import io.cunjian.villageprojects.domain.RegionService;

/**
 * Administrative regions: province → city → county/district → township → village. Anyone signed in
 * reads them; district admins register and rename regions within their own regions.
 */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "行政区划 — administrative regions and their codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    CurrentCaller caller;
    @Inject
    RegionService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered")
    public Response registerRegion(@Valid @NotNull RegisterRegion body) {
        RegionCode code = parse("code", body.code());
        if (RegionLevel.of(code) == RegionLevel.VILLAGE) {
            throw new InvalidInputProblem("code", "problem.region.village-via-villages");
        }
        if (service.register(caller.get(), code, body.name()) instanceof Region.Rejected<?> rejected) {
            throw problem(rejected.rejection());
        }
        RegionView view = RegionView.of(service.find(caller.get(), code));
        return Response.created(URI.create("/api/v1/regions/" + code)).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{code}")
    public Response getRegion(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        RegionView view = RegionView.of(service.find(caller.get(), parse("code", code)));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    @Path("/{code}/children")
    public List<RegionView> regionChildren(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        return service.children(caller.get(), parse("code", code)).stream().map(RegionView::of).toList();
    }

    @GET
    public RegionPage searchRegions(@QueryParam("name") @DefaultValue("") @Size(max = 100) String name,
            @QueryParam("within") @DefaultValue("") @Size(max = Bounds.REGION_CODE) String within,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        if (!within.isEmpty() && !RegionCode.isValid(within)) {
            throw new InvalidInputProblem("within", "problem.region.code.invalid");
        }
        var found = service.search(caller.get(), name, within, page, size);
        return new RegionPage(found.items().stream().map(RegionView::of).toList(), page, size, found.total());
    }

    @PUT
    @Path("/{code}")
    public Response renameRegion(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch,
            @Valid @NotNull RenameRegion body) {
        RegionCode regionCode = parse("code", code);
        if (RegionLevel.of(regionCode) == RegionLevel.VILLAGE) {
            throw new InvalidInputProblem("code", "problem.region.village-via-villages");
        }
        var outcome = service.rename(caller.get(), regionCode, body.name(), ETags.expected(ifMatch));
        if (outcome instanceof Region.Rejected<?> rejected) {
            throw problem(rejected.rejection());
        }
        RegionView view = RegionView.of(service.find(caller.get(), regionCode));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    private static RegionCode parse(String field, String code) {
        if (!RegionCode.isValid(code)) {
            throw new InvalidInputProblem(field, "problem.region.code.invalid");
        }
        return new RegionCode(code);
    }

    private static RuntimeException problem(Region.Rejection rejection) {
        if (rejection instanceof Region.AlreadyRegistered r) {
            return new ConflictProblem(null, "problem.region.already-registered", r.code().value());
        }
        if (rejection instanceof Region.ParentNotRegistered r) {
            return new InvalidInputProblem("code", "problem.region.parent-not-registered");
        }
        return new ConflictProblem(null, "problem.region.name-unchanged", ((Region.NameUnchanged) rejection).name());
    }
}
