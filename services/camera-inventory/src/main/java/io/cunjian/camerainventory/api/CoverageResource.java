package io.cunjian.camerainventory.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.domain.Coverage;
import io.cunjian.camerainventory.domain.VillageCoverage;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.CurrentCaller;

/** A village's coverage summary: zones, covered zones, cameras by state and its blind zones (盲区). */
@Path("/api/v1/villages/{code}/coverage")
@Tag(name = "Coverage", description = "覆盖率 — how much of a village is watched, and where it is blind")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    CurrentCaller caller;
    @Inject
    Coverage coverage;

    @GET
    public Views.CoverageSummary villageCoverage(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        if (!RegionCode.isVillageCode(code)) {
            throw new NotFoundProblem("problem.village.not-found", String.valueOf(code));
        }
        VillageCoverage v = coverage.ofVillage(caller.get(), code);
        return new Views.CoverageSummary(code, v.zones().size(), v.coveredZones(), v.coverage(), v.camerasByLifecycle(),
                v.watchingCameras(), v.blindZones().stream()
                        .map(z -> new Views.BlindZone(z.id(), z.details().name(), z.details().kind().name())).toList());
    }
}
