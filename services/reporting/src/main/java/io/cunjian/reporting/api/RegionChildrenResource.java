package io.cunjian.reporting.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.reporting.domain.ProgressReports;
import io.cunjian.reporting.domain.ReportQueries;

/** The level below a region, each part with its own roll-up: what a dashboard drills down into. */
@Path("/api/v1/reports/regions/{code}/children")
@Tag(name = "Progress")
@Produces(MediaType.APPLICATION_JSON)
public class RegionChildrenResource {

    /** A part of the region (a county, a township, or a village of a township) and how far its villages are. */
    public record Child(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 100) String name,
            @Min(0) @Max(Long.MAX_VALUE) long villagesWithPlan, @Min(0) @Max(Long.MAX_VALUE) long villagesMeetingStandard,
            BigDecimal averageProgress) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ReportQueries reports;
    @Inject
    RegionReplica regions;

    @GET
    @APIResponse(responseCode = "200", description = "the parts one level down (city → counties → townships → villages) that have villages with a plan, in code order")
    public List<Child> regionChildren(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        if (code == null || !RegionCode.isRegionAboveVillage(code)) {
            throw new InvalidInputProblem("code", "problem.region.code.invalid");
        }
        List<ProgressReports.VillageRow> villagesWithPlan = reports.villagesWithPlan(caller.get(), code);
        int next = switch (code.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            default -> 12;
        };
        Map<String, List<ProgressReports.VillageRow>> parts = new LinkedHashMap<>();
        for (ProgressReports.VillageRow v : villagesWithPlan) {
            parts.computeIfAbsent(v.code().substring(0, next), k -> new ArrayList<>()).add(v);
        }
        List<Child> children = new ArrayList<>();
        parts.forEach((part, villages) -> {
            String name = next == 12 ? villages.get(0).name()
                    : regions.find(part).map(RegionReplica.ReplicaRegion::name).orElse(part);
            BigDecimal sum = villages.stream().map(ProgressReports.VillageRow::progress).reduce(BigDecimal.ZERO, BigDecimal::add);
            children.add(new Child(part, name, villages.size(), villages.stream().filter(ProgressReports.VillageRow::meets).count(),
                    sum.divide(BigDecimal.valueOf(villages.size()), 4, RoundingMode.HALF_UP)));
        });
        return children;
    }
}
