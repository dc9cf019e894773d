package io.cunjian.villageprojects.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.villageprojects.domain.CreationPlan;
import io.cunjian.villageprojects.domain.PlanRevision;
import io.cunjian.villageprojects.domain.PlanService;

/** A village's creation plan (创建方案): the standard version it follows, a deadline and its targets, with every revision kept. */
@Path("/api/v1/villages/{code}/plan")
@Tag(name = "Creation plans", description = "创建方案 — each village's standard version, deadline and targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Schema(description = "A quantity to reach, in the category's unit, under a WORK_QUANTITY item that counts the category's group.")
    public record WorkTargetInput(@NotBlank @Size(max = 50) @Schema(examples = "street-lighting") String itemCode,
            @NotBlank @Size(max = 50) @Schema(examples = "street-lamp-repair") String categoryCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 2)
            @Schema(examples = "80") BigDecimal quantity) {
    }

    @Schema(description = "Coverage required under a CAMERA_COVERAGE item; items without one get 100 % and no camera minimum.")
    public record CoverageTargetInput(@NotBlank @Size(max = 50) @Schema(examples = "camera-coverage") String itemCode,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2)
            @Schema(description = "percent of the village's zones, (0, 100]; default 100", examples = "100") BigDecimal requiredCoveragePercent,
            @Schema(description = "optional minimum number of operational cameras", examples = "12") Integer minimumOperationalCameras) {
    }

    public record PlanInput(@NotBlank @Size(max = 50) @Schema(examples = "jilin-illustrative-v1") String standardId,
            @Schema(description = "date the village should meet the standard by") LocalDate deadline,
            @Size(max = 200) List<@NotNull @Valid WorkTargetInput> workTargets,
            @Size(max = 20) List<@NotNull @Valid CoverageTargetInput> coverageTargets,
            @Size(max = 500) @Schema(description = "why the plan changes (kept with the revision)") String note) {

        CreationPlan.Content toDomain() {
            return new CreationPlan.Content(standardId, deadline,
                    workTargets == null ? List.of() : workTargets.stream()
                            .map(t -> new CreationPlan.WorkTarget(t.itemCode(), t.categoryCode(), t.quantity())).toList(),
                    coverageTargets == null ? List.of() : coverageTargets.stream()
                            .map(t -> new CreationPlan.CoverageTarget(t.itemCode(), t.requiredCoveragePercent(),
                                    t.minimumOperationalCameras())).toList());
        }
    }

    public record PlanView(String villageCode, String standardId, LocalDate deadline,
            List<CreationPlan.WorkTarget> workTargets, List<CreationPlan.CoverageTarget> coverageTargets, int revision,
            String changedBy, OffsetDateTime changedAt, String note) {
        static PlanView of(PlanRevision r) {
            CreationPlan p = r.plan();
            return new PlanView(p.villageCode(), p.content().standardId(), p.content().deadline(),
                    p.content().workTargets(), p.content().coverageTargets(), p.revision(), r.changedBy(), r.changedAt(),
                    r.note());
        }
    }

    @Inject
    CurrentCaller caller;
    @Inject
    PlanService service;

    @GET
    public Response getPlan(@PathParam("code") String code) {
        RegionCode village = VillageResource.villageCode(code);
        caller.get().require(Policies.READ_IN_REGION, code);
        PlanView view = PlanView.of(service.find(village));
        return Response.ok(view).tag(ETags.of(view.revision())).build();
    }

    @GET
    @Path("/revisions")
    @APIResponse(responseCode = "200", description = "every revision, newest first: who changed what, when and why")
    public List<PlanView> planRevisions(@PathParam("code") String code) {
        RegionCode village = VillageResource.villageCode(code);
        caller.get().require(Policies.READ_IN_REGION, code);
        return service.revisions(village).stream().map(PlanView::of).toList();
    }

    @PUT
    @APIResponse(responseCode = "201", description = "the village's first plan")
    @APIResponse(responseCode = "200", description = "a new revision (or unchanged: same revision, no event)")
    public Response setPlan(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlanInput body) {
        RegionCode village = VillageResource.villageCode(code);
        caller.get().require(Policies.MANAGE_IN_REGION, code);
        boolean first = service.current(village).isEmpty();
        var outcome = service.set(village, body.toDomain(), ETags.expected(ifMatch), caller.get().subject(), body.note());
        if (outcome instanceof CreationPlan.Rejected rejected) {
            throw Violations.problem(rejected.violations());
        }
        PlanView view = PlanView.of(service.find(village));
        Response.ResponseBuilder answer = first && view.revision() == 1
                ? Response.created(URI.create("/api/v1/villages/" + code + "/plan"))
                : Response.ok();
        return answer.tag(ETags.of(view.revision())).entity(view).build();
    }
}
