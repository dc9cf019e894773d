package io.cunjian.villageprojects.api;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanService;

/** A village's creation plan (创建方案): the standard version it follows, a deadline and its targets, with every revision kept. */
@Path("/api/v1/villages/{code}/plan")
@Tag(name = "Creation plans", description = "创建方案 — each village's standard version, deadline and targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    CurrentCaller caller;
    @Inject
    PlanService service;

    @GET
    public Response getPlan(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        PlanView view = PlanView.of(service.find(caller.get(), VillageResource.villageCode(code)));
        return Response.ok(view).tag(ETags.of(view.revision())).build();
    }

    @GET
    @Path("/revisions")
    @APIResponse(responseCode = "200", description = "every revision, newest first: who changed what, when and why")
    public List<PlanView> planRevisions(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        return service.revisions(caller.get(), VillageResource.villageCode(code)).stream().map(PlanView::of).toList();
    }

    @PUT
    @APIResponse(responseCode = "201", description = "the village's first plan")
    @APIResponse(responseCode = "200", description = "a new revision (or unchanged: same revision, no event)")
    public Response setPlan(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch,
            @Valid @NotNull PlanInput body) {
        RegionCode village = VillageResource.villageCode(code);
        var outcome = service.set(caller.get(), village, body.toDomain(), body.note(), ETags.expected(ifMatch));
        if (outcome instanceof CreationPlan.Rejected rejected) {
            throw Violations.problem(rejected.violations());
        }
        // Only the first plan is accepted as revision 1 (an unchanged plan is not accepted).
        boolean first = outcome instanceof CreationPlan.Accepted accepted && accepted.plan().revision() == 1;
        PlanView view = PlanView.of(service.find(caller.get(), village));
        Response.ResponseBuilder answer = first
                ? Response.created(URI.create("/api/v1/villages/" + code + "/plan"))
                : Response.ok();
        return answer.tag(ETags.of(view.revision())).entity(view).build();
    }
}
