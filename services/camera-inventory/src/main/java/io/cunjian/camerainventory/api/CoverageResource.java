package io.cunjian.camerainventory.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.camerainventory.persistence.LiveStatusStore;
import io.cunjian.camerainventory.persistence.ZoneEntity;
import io.cunjian.camerainventory.persistence.ZoneRepository;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;

/** A village's coverage summary: zones, covered zones, cameras by state and its blind zones (盲区). */
@Path("/api/v1/villages/{code}/coverage")
@Tag(name = "Coverage", description = "覆盖率 — how much of a village is watched, and where it is blind")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    CurrentCaller caller;
    @Inject
    ZoneRepository zones;
    @Inject
    LiveStatusStore store;
    @Inject
    RegionReplica replica;

    @GET
    public Views.CoverageSummary villageCoverage(@PathParam("code") String code) {
        if (code == null || !code.matches("[0-9]{12}")) {
            throw new NotFoundProblem("problem.village.not-found", String.valueOf(code));
        }
        caller.get().require(Policies.READ_IN_REGION, code);
        List<ZoneEntity> list = zones.ofVillage(code);
        if (list.isEmpty() && replica.find(code).isEmpty()) {
            throw new NotFoundProblem("problem.village.not-found", code);
        }
        int covered = (int) list.stream().filter(z -> z.covered).count();
        Map<String, Integer> byLifecycle = store.camerasByLifecycle(code);
        List<Views.BlindZone> blind = list.stream().filter(z -> !z.covered)
                .map(z -> new Views.BlindZone(z.id, z.name, z.kind.name())).toList();
        return new Views.CoverageSummary(code, list.size(), covered, list.isEmpty() ? 0.0 : (double) covered / list.size(),
                byLifecycle, store.operationalOnline(code), blind);
    }
}
