package io.cunjian.community.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.community.domain.Grid;
import io.cunjian.community.domain.GridService;
import io.cunjian.community.domain.TeamKind;

/** A village's management, work and volunteer teams (管理队、工作队、志愿队). */
@Path("/api/v1/villages/{code}/teams")
@Tag(name = "Teams", description = "管理队、工作队、志愿队 — the village's teams and who serves in them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    CurrentCaller caller;
    @Inject
    GridService service;

    @GET
    public TeamsView getTeams(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        String village = Ids.village("code", code);
        return TeamsView.of(village, service.teams(caller.get(), village));
    }

    @POST
    @Path("/{kind}/members")
    @Idempotent
    @APIResponse(responseCode = "200", description = "the village's teams after the change")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public TeamsView addTeamMember(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code,
            @PathParam("kind") TeamKind kind, @Valid @NotNull AddTeamMember body) {
        String village = Ids.village("code", code);
        service.addTeamMember(caller.get(), village, new Grid.TeamMember(kind, body.personId(), body.role()));
        return TeamsView.of(village, service.teams(caller.get(), village));
    }

    @DELETE
    @Path("/{kind}/members/{personId}")
    @APIResponse(responseCode = "204", description = "the person no longer serves in the team")
    public Response removeTeamMember(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code,
            @PathParam("kind") TeamKind kind, @PathParam("personId") @Size(max = Bounds.UUID_TEXT) String personId) {
        service.removeTeamMember(caller.get(), Ids.village("code", code), kind,
                Ids.parse(personId, PersonResource.NOT_FOUND));
        return Response.noContent().build();
    }
}
