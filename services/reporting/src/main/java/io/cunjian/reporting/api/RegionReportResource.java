package io.cunjian.reporting.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.reporting.domain.RegionHistory;
import io.cunjian.reporting.domain.ReportQueries;

/** Regions as reporting has learnt them from events, with the history of their changes. */
@Path("/api/v1/regions")
@Tag(name = "Regions", description = "行政区划 as reported — built from village.events")
@Produces(MediaType.APPLICATION_JSON)
public class RegionReportResource {

    public record RegionReport(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 100) String name, @Size(max = 10) String level,
            @Size(max = 9) String parentCode, @Min(0) @Max(Bounds.COUNT) long version, List<RegionHistory.HistoryRow> history) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ReportQueries reports;

    @GET
    @Path("/{code}")
    public RegionReport getRegionReport(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        ReportQueries.RegionOnFile found = reports.region(caller.get(), code);
        RegionReplica.ReplicaRegion r = found.region();
        return new RegionReport(r.code(), r.name(), r.level(), r.parentCode(), r.version(), found.history());
    }
}
