package io.cunjian.villageprojects.api;

import java.net.URI;

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

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.villageprojects.domain.StandardService;
import io.cunjian.villageprojects.domain.StandardVersion;

/**
 * Versions of the creation standard (“九有六无”). Drafts are prepared and edited by district
 * admins whose regions cover the version's scope; publishing freezes a version for good.
 */
@Path("/api/v1/standards")
@Tag(name = "Standards", description = "创建标准 — versions of the creation standard (九有六无) and their items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StandardResource {

    @Inject
    CurrentCaller caller;
    @Inject
    StandardService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "drafted (no event until published)")
    public Response draftStandard(@Valid @NotNull DraftStandard body) {
        if (!StandardVersion.isValidId(body.id())) {
            throw new InvalidInputProblem("id", "problem.standard.id.invalid");
        }
        if (!RegionCode.isValid(body.scope())) {
            throw new InvalidInputProblem("scope", "problem.region.code.invalid");
        }
        var outcome = service.draft(caller.get(), body.id(), body.scope(), body.basedOn(), body.content().toDomain());
        if (outcome instanceof StandardVersion.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        StandardView view = StandardView.of(service.find(caller.get(), body.id()));
        return Response.created(URI.create("/api/v1/standards/" + body.id())).tag(ETags.of(view.version())).entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    public Response getStandard(@PathParam("id") @Size(max = 50) String id) {
        StandardView view = StandardView.of(service.find(caller.get(), id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public StandardPage searchStandards(
            @QueryParam("covering") @DefaultValue("") @Size(max = Bounds.REGION_CODE) @Parameter(description = "versions that apply to this region code (their scope is its prefix)") String covering,
            @QueryParam("status") @Parameter(description = "DRAFT or PUBLISHED") StandardVersion.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        var found = service.search(caller.get(), covering, status, page, size);
        return new StandardPage(found.items().stream().map(StandardView::of).toList(), page, size, found.total());
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "the draft, edited (or unchanged: same version)")
    public Response editStandard(@PathParam("id") @Size(max = 50) String id, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch,
            @Valid @NotNull StandardContent body) {
        var outcome = service.edit(caller.get(), id, body.toDomain(), ETags.expected(ifMatch));
        if (outcome instanceof StandardVersion.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        StandardView view = StandardView.of(service.find(caller.get(), id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.WILDCARD) // no body
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @APIResponse(responseCode = "200", description = "published and frozen; cunjian.standard.published.v1 follows")
    public Response publishStandard(@PathParam("id") @Size(max = 50) String id, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch) {
        var outcome = service.publish(caller.get(), id, ETags.expected(ifMatch));
        if (outcome instanceof StandardVersion.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        StandardView view = StandardView.of(service.find(caller.get(), id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    private static RuntimeException problem(StandardVersion.Rejection rejection) {
        if (rejection instanceof StandardVersion.AlreadyExists r) {
            return new ConflictProblem(null, "problem.standard.already-exists", r.id());
        }
        if (rejection instanceof StandardVersion.BasisNotFound) {
            return new InvalidInputProblem("basedOn", "problem.standard.basis.unknown");
        }
        return Violations.problem(((StandardVersion.InvalidItems) rejection).violations());
    }
}
