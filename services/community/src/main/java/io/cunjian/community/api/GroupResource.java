package io.cunjian.community.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.community.domain.GridService;
import io.cunjian.community.domain.JointDefenceGroup;

/** 十户联防 groups of households and their 户长 (docs/adr/0039-the-grid.md). */
@Path("/api/v1/groups")
@Tag(name = "Groups", description = "十户联防 — joint-defence groups of households and their 户长")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    static final String NOT_FOUND = "problem.group.not-found";

    @Inject
    CurrentCaller caller;
    @Inject
    GridService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "formed")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    public Response formGroup(@Valid @NotNull FormGroup body) {
        GroupView view = GroupView.of(service.form(caller.get(), body.villageCode(), body.householdIds(), body.leaderPersonId()));
        return Response.created(URI.create("/api/v1/groups/" + view.id())).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getGroup(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        return answer(service.group(caller.get(), Ids.parse(id, NOT_FOUND)));
    }

    @GET
    public GroupPage searchGroups(
            @QueryParam("village") @Size(max = Bounds.REGION_CODE) @Parameter(description = "12-digit village code") String village,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        var found = service.groups(caller.get(), Ids.village("village", village), page, size);
        return new GroupPage(found.items().stream().map(GroupView::of).toList(), page, size, found.total());
    }

    @POST
    @Path("/{id}/households")
    @Idempotent
    @APIResponse(responseCode = "200", description = "the household is in the group")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response joinGroup(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id, @Valid @NotNull JoinGroup body) {
        return answer(service.join(caller.get(), Ids.parse(id, NOT_FOUND), body.householdId()));
    }

    @DELETE
    @Path("/{id}/households/{householdId}")
    @APIResponse(responseCode = "200", description = "the household has left the group")
    public Response leaveGroup(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @PathParam("householdId") @Size(max = Bounds.UUID_TEXT) String householdId) {
        return answer(service.leave(caller.get(), Ids.parse(id, NOT_FOUND), Ids.parse(householdId, HouseholdResource.NOT_FOUND)));
    }

    @PUT
    @Path("/{id}/leader")
    @APIResponse(responseCode = "200", description = "the group's 户长 is named")
    public Response nameGroupLeader(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull NameLeader body) {
        return answer(service.lead(caller.get(), Ids.parse(id, NOT_FOUND), body.personId(), ETags.expected(ifMatch)));
    }

    private static Response answer(JointDefenceGroup group) {
        return Response.ok(GroupView.of(group)).tag(ETags.of(group.version())).build();
    }
}
