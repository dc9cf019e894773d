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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.villageprojects.domain.RegionLevel;
import io.cunjian.villageprojects.domain.Village;
import io.cunjian.villageprojects.domain.VillageService;

/** Villages (村/社区): regions at level VILLAGE with their figures, 示范村 status and contact. */
@Path("/api/v1/villages")
@Tag(name = "Villages", description = "村 — villages, their figures and demonstration-village (示范村) status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VillageResource {

    @Inject
    CurrentCaller caller;
    @Inject
    VillageService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered, with its region")
    public Response registerVillage(@Valid @NotNull RegisterVillage body) {
        RegionCode code = villageCode(body.code());
        var outcome = service.register(caller.get(), code, body.townshipCode(), body.details().toDomain());
        if (outcome instanceof Village.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        VillageView view = VillageView.of(service.find(caller.get(), code));
        return Response.created(URI.create("/api/v1/villages/" + code)).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{code}")
    public Response getVillage(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        VillageView view = VillageView.of(service.find(caller.get(), villageCode(code)));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public VillagePage searchVillages(
            @QueryParam("within") @DefaultValue("") @Size(max = Bounds.REGION_CODE) @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("name") @DefaultValue("") @Size(max = 100) @Parameter(description = "part of the name") String name,
            @QueryParam("demonstration") @Size(max = Bounds.FLAG) @Parameter(description = "true: demonstration villages only; false: the others") String demonstration,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "creation year") Integer year,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        if (!within.isEmpty() && !RegionCode.isValid(within)) {
            throw new InvalidInputProblem("within", "problem.region.code.invalid");
        }
        if (demonstration != null && !demonstration.equals("true") && !demonstration.equals("false")) {
            throw new InvalidInputProblem("demonstration", "problem.village.demonstration.invalid");
        }
        var found = service.search(caller.get(), within, name,
                demonstration == null ? null : Boolean.valueOf(demonstration), year, page, size);
        return new VillagePage(found.items().stream().map(VillageView::of).toList(), page, size, found.total());
    }

    @PUT
    @Path("/{code}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version, no event)")
    public Response updateVillage(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch,
            @Valid @NotNull VillageDetails body) {
        RegionCode villageCode = villageCode(code);
        var outcome = service.update(caller.get(), villageCode, body.toDomain(), ETags.expected(ifMatch));
        if (outcome instanceof Village.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        VillageView view = VillageView.of(service.find(caller.get(), villageCode));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    /** A village code from the request (body or path); 400 naming {@code code} when it is not one. */
    static RegionCode villageCode(String code) {
        if (!RegionCode.isVillageCode(code)) {
            throw new InvalidInputProblem("code", "problem.village.code.invalid");
        }
        return new RegionCode(code);
    }

    static RuntimeException problem(Village.Rejection rejection) {
        if (rejection instanceof Village.AlreadyRegistered r) {
            return new ConflictProblem(null, "problem.village.already-registered", r.code().value());
        }
        if (rejection instanceof Village.NotUnderTownship r) {
            if (RegionLevel.of(r.townshipCode()) != RegionLevel.TOWNSHIP) {
                return new InvalidInputProblem("townshipCode", "problem.village.not-a-township");
            }
            return new InvalidInputProblem(List.of(new FieldError("code", "problem.village.not-in-township"),
                    new FieldError("townshipCode", "problem.village.not-in-township")));
        }
        if (rejection instanceof Village.TownshipNotRegistered) {
            return new InvalidInputProblem("townshipCode", "problem.village.township-not-registered");
        }
        return new InvalidInputProblem("code", "problem.village.code.invalid");
    }
}
