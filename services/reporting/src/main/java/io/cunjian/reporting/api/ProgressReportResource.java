package io.cunjian.reporting.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.reporting.persistence.Reports;

/** Live progress against the creation standard: one village's items, a region's roll-up; each with its freshness. */
@Path("/api/v1/reports")
@Tag(name = "Progress", description = "创建进度 — progress of villages against their standard, rolled up by region")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressReportResource {

    @Inject
    CurrentCaller caller;
    @Inject
    Reports reports;

    @GET
    @Path("/villages/{code}")
    @APIResponse(responseCode = "200", description = "the village's progress per item of its standard, with the figures behind each")
    public Reports.VillageReport villageProgress(@PathParam("code") String code) {
        if (code == null || !code.matches("[0-9]{12}")) {
            throw new InvalidInputProblem("code", "problem.village.code.invalid");
        }
        caller.get().require(Policies.READ_IN_REGION, code);
        return reports.village(code).orElseThrow(() -> new NotFoundProblem("problem.village-report.not-found", code));
    }

    @GET
    @Path("/regions/{code}")
    @APIResponse(responseCode = "200", description = "the roll-up of the villages with a plan whose code starts with the region's")
    public Reports.RegionReport regionProgress(@PathParam("code") String code) {
        if (code == null || !code.matches("[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}")) {
            throw new InvalidInputProblem("code", "problem.region.code.invalid");
        }
        caller.get().require(Policies.READ_IN_REGION, code);
        return reports.region(code);
    }
}
