package io.cunjian.chassis.ratelimit;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.cunjian.chassis.security.CurrentCaller;

/** Test-only operations, one per budget a service's operation can draw on. Kept out of the test app's document. */
@Path("/beats")
@Produces(MediaType.APPLICATION_JSON)
public class BeatsResource {

    @Inject
    CurrentCaller caller;

    /** As camera-inventory's heartbeat route. */
    @POST
    @RateLimited(Budget.HEARTBEATS)
    public Map<String, String> beat() {
        return Map.of("beat", caller.get().subject());
    }

    /** Any other POST: a write. */
    @POST
    @Path("/notes")
    public Map<String, String> note() {
        return Map.of("note", caller.get().subject());
    }

    @GET
    public Map<String, String> read() {
        return Map.of("read", caller.get().subject());
    }
}
