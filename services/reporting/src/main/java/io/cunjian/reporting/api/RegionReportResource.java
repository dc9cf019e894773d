package io.cunjian.reporting.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.reporting.domain.RegionHistory;

/** Regions as reporting has learnt them from events, with the history of their changes. */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "行政区划 as reported — built from village.events")
@Produces(MediaType.APPLICATION_JSON)
public class RegionReportResource {

    public record RegionReport(String code, String name, String level, String parentCode, long version,
            List<RegionHistory.HistoryRow> history) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    RegionHistory regions;
    @Inject
    RegionReplica replica;

    @GET
    @Path("/{code}")
    public RegionReport getRegionReport(@PathParam("code") String code) {
        // staff and viewers of the region (or above it) only: not devices or contractors, not other provinces
        caller.get().require(Policies.READ_IN_REGION, code);
        RegionReplica.ReplicaRegion r = replica.find(code)
                .orElseThrow(() -> new NotFoundProblem("problem.region.not-found", code));
        return new RegionReport(r.code(), r.name(), r.level(), r.parentCode(), r.version(), regions.history(code));
    }
}
