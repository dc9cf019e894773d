package io.cunjian.camerainventory.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.CamerasConfig;
import io.cunjian.camerainventory.domain.LiveStatus;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.ratelimit.Budget;
import io.cunjian.chassis.ratelimit.RateLimited;
import io.cunjian.chassis.security.CurrentCaller;

/**
 * Heartbeats (心跳) of cameras, in batches: devices report for cameras of their regions, the
 * platform for many at once. One set-based update per batch; events only for real flips.
 */
@Path("/api/v1/heartbeats")
@Tag(name = "Live status", description = "心跳 — heartbeats that keep cameras online")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HeartbeatResource {

    /** The most serials one request carries; cunjian.cameras.max-batch (5000 by default) may only lower it. */
    static final int MOST_SERIALS = 5000;
    /** A serial is at most 64 characters (Camera.SERIAL_PATTERN). */
    static final int SERIAL = 64;

    public record Heartbeats(
            @NotNull @NotEmpty @Size(max = MOST_SERIALS)
            @Schema(description = "serials of the cameras seen working (at most cunjian.cameras.max-batch, 5000 by default)")
            List<@Size(max = SERIAL) String> serials,
            @Schema(description = "when they were seen (ISO-8601 with offset); now when omitted") OffsetDateTime at) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    LiveStatus liveStatus;
    @Inject
    CamerasConfig config;

    // Devices send many: their own budget, apart from the same caller's other writes (ADR 0025).
    @POST
    @RateLimited(Budget.HEARTBEATS)
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @APIResponse(responseCode = "200", description = "recorded; what came online and which zones changed coverage")
    @APIResponse(responseCode = "400", description = "malformed batch, a time too far in the future, or unknown serials (named in unknownSerials); nothing was recorded")
    @APIResponse(responseCode = "403", description = "a camera of the batch lies outside the caller's regions (its serials are named); nothing was recorded")
    public Views.HeartbeatResult postHeartbeats(@Valid @NotNull Heartbeats body) {
        LiveStatus.BatchResult r = liveStatus.heartbeat(body.serials(), body.at(), caller.get());
        return new Views.HeartbeatResult(r.cameras(), r.cameOnline(), r.zones().size(), config.onlineWindow().toSeconds());
    }
}
