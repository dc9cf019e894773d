package io.cunjian.reporting.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.reporting.domain.Rebuilds;

/**
 * Rebuilding the read models from offset zero (after a projection changed, or to prove the figures):
 * figures stay readable throughout and switch to the rebuilt ones when they have caught up.
 */
@Path("/api/v1/admin/rebuilds")
@Tag(name = "Administration", description = "重建报表 — rebuilding reporting's read models from the event topics")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    CurrentCaller caller;
    @Inject
    Rebuilds rebuilds;

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @APIResponse(responseCode = "201", description = "a rebuild started on this instance; follow it at Location")
    @APIResponse(responseCode = "409", description = "a rebuild is already running (its id in currentState)")
    public Response startRebuild() {
        Rebuilds.Rebuild started = rebuilds.start(caller.get());
        return Response.created(URI.create("/api/v1/admin/rebuilds/" + started.id())).entity(started).build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "the rebuild: BUILDING, SWITCHED (the rebuilt figures are live) or FAILED")
    public Rebuilds.Rebuild rebuild(@PathParam("id") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return rebuilds.find(caller.get(), id);
    }
}
