package io.cunjian.reporting.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Decision;
import io.cunjian.chassis.security.Policy;
import io.cunjian.chassis.security.Role;
import io.cunjian.reporting.domain.Rebuilds;

/**
 * Rebuilding the read models from offset zero (after a projection changed, or to prove the figures):
 * figures stay readable throughout and switch to the rebuilt ones when they have caught up.
 */
@Path("/api/v1/admin/rebuilds")
@Tag(name = "Administration", description = "重建报表 — rebuilding reporting's read models from the event topics")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    /** Reporting's figures span every region: only a district admin whose regions cover a whole city (or more). */
    static final Policy<Caller> REBUILD = Policy.named("rebuild-read-models", (caller, self) ->
            caller.hasRole(Role.DISTRICT_ADMIN) && caller.regions().stream().anyMatch(r -> r.length() <= 4)
                    ? Decision.ALLOW : Decision.FORBIDDEN);

    @Inject
    CurrentCaller caller;
    @Inject
    Rebuilds rebuilds;

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @APIResponse(responseCode = "201", description = "a rebuild started on this instance; follow it at Location")
    @APIResponse(responseCode = "409", description = "a rebuild is already running (its id in currentState)")
    public Response startRebuild() {
        Caller c = caller.get();
        c.require(REBUILD, c);
        Rebuilds.Rebuild started = rebuilds.start(c.subject());
        return Response.created(URI.create("/api/v1/admin/rebuilds/" + started.id())).entity(started).build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "the rebuild: BUILDING, SWITCHED (the rebuilt figures are live) or FAILED")
    public Rebuilds.Rebuild rebuild(@PathParam("id") long id) {
        Caller c = caller.get();
        c.require(REBUILD, c);
        return rebuilds.find(id).orElseThrow(() -> new NotFound("problem.rebuild.not-found", id));
    }
}
