package io.cunjian.villageprojects.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.villageprojects.domain.Inspection;
import io.cunjian.villageprojects.domain.InspectionService;

/** Inspections of a village's INSPECTION items (村庄规划, 无残垣断壁 …): recorded, never changed; the latest counts. */
@Path("/api/v1/villages/{code}/inspections")
@Tag(name = "Inspections", description = "检查验收 — verdicts on the standard's inspection items, with history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InspectionResource {

    @Inject
    CurrentCaller caller;
    @Inject
    InspectionService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "recorded; cunjian.inspection.recorded.v1 follows")
    public Response recordInspection(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @Valid @NotNull RecordInspection body) {
        RegionCode village = VillageResource.villageCode(code);
        var outcome = service.record(caller.get(), village, body.toDomain());
        if (outcome instanceof Inspection.Rejected rejected) {
            if (rejected.noPlan()) {
                throw new ConflictProblem(null, "problem.inspection.no-plan", code);
            }
            throw Violations.problem(rejected.violations());
        }
        Inspection recorded = ((Inspection.Accepted) outcome).inspection();
        InspectionView view = InspectionView.of(service.find(caller.get(), village, recorded.id()));
        return Response.created(URI.create("/api/v1/villages/" + code + "/inspections/" + recorded.id())).entity(view)
                .build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "the village's inspections, latest first")
    public InspectionPage inspectionHistory(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code,
            @QueryParam("item") @DefaultValue("") @Size(max = 50) @Parameter(description = "one item's inspections only") String item,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        var found = service.history(caller.get(), VillageResource.villageCode(code), item, page, size);
        return new InspectionPage(found.items().stream().map(InspectionView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/latest")
    @APIResponse(responseCode = "200", description = "per item, the inspection that counts")
    public List<InspectionView> latestInspections(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        return service.latestPerItem(caller.get(), VillageResource.villageCode(code)).stream().map(InspectionView::of).toList();
    }

    @GET
    @Path("/{id}")
    public InspectionView getInspection(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @PathParam("id") UUID id) {
        return InspectionView.of(service.find(caller.get(), VillageResource.villageCode(code), id));
    }
}
