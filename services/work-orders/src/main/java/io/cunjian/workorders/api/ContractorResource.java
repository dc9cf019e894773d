package io.cunjian.workorders.api;

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

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.workorders.domain.Contractor;
import io.cunjian.workorders.domain.ContractorService;
import io.cunjian.workorders.domain.Contractors;
import io.cunjian.workorders.domain.Results;

/** Contractors (施工单位), managed by district admins; a contractor may read its own record. */
@Path("/api/v1/contractors")
@Tag(name = "Contractors", description = "施工单位 — the companies work orders are assigned to")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractorResource {

    @Inject
    CurrentCaller caller;
    @Inject
    ContractorService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered")
    public Response registerContractor(@Valid @NotNull RegisterContractor body) {
        String id = body.id().strip();
        var details = new ContractorDetails(body.name(), body.contact(), body.active()).toDomain();
        ContractorView view = ContractorView.of(service.register(caller.get(), id, details));
        return Response.created(URI.create("/api/v1/contractors/" + id)).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getContractor(@PathParam("id") @Size(max = 18) String id) {
        ContractorView view = ContractorView.of(service.find(caller.get(), id));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public ContractorPage searchContractors(
            @QueryParam("name") @DefaultValue("") @Size(max = 200) @Parameter(description = "part of the name") String name,
            @QueryParam("active") @Size(max = Bounds.FLAG)
                    @Parameter(description = "true: active ones only; false: the others") String active,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw new InvalidInputProblem("active", "problem.boolean.invalid");
        }
        var criteria = new Contractors.Criteria(name, active == null ? null : Boolean.valueOf(active));
        Results<Contractor> found = service.search(caller.get(), criteria, page, size);
        return new ContractorPage(found.items().stream().map(ContractorView::of).toList(), page, size, found.total());
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version)")
    public Response updateContractor(@PathParam("id") @Size(max = 18) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull ContractorDetails body) {
        Contractor updated = service.update(caller.get(), id, body.toDomain(), ETags.expected(ifMatch));
        ContractorView view = ContractorView.of(updated);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
