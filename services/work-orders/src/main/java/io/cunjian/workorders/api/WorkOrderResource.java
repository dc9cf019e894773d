package io.cunjian.workorders.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.workorders.domain.Results;
import io.cunjian.workorders.domain.WorkOrder;
import io.cunjian.workorders.domain.WorkOrderCriteria;
import io.cunjian.workorders.domain.WorkOrderService;
import io.cunjian.workorders.domain.WorkOrderStatus;

/**
 * Work orders from draft to verified completion. Staff (district admins, township staff) in the
 * order's region create and drive them; the assigned contractor starts and completes them; district
 * admins correct verified quantities. Another contractor's order does not exist for a contractor (404).
 * Each endpoint reads the request and hands it to one use case of {@link WorkOrderService}, which
 * decides; an {@code If-Match} is checked only when sent.
 */
@Path("/api/v1/work-orders")
@Tag(name = "Work orders", description = "工单 — lighting, greening, road and amenity work from draft to verified completion")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    /** The longest status name, IN_PROGRESS: a longer filter names no status (a bound must be reachable). */
    static final int LONGEST_STATUS = 11;

    @Inject
    CurrentCaller caller;
    @Inject
    WorkOrderService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "created as a draft")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createWorkOrder(@Valid @NotNull CreateWorkOrder body) {
        WorkOrder order = service.create(caller.get(), body.villageCode(), body.categoryCode().strip(), body.unit(),
                body.details());
        WorkOrderView view = WorkOrderView.of(order);
        return Response.created(URI.create("/api/v1/work-orders/" + order.id())).tag(ETags.of(view.version()))
                .entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        return answer(service.find(WorkOrderIds.parse(id), caller.get()));
    }

    @GET
    @Path("/{id}/history")
    @APIResponse(responseCode = "200", description = "every change of the order (who, when, from, to, note), oldest first")
    public List<TransitionView> getWorkOrderHistory(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        return service.history(WorkOrderIds.parse(id), caller.get()).stream().map(TransitionView::of).toList();
    }

    @GET
    public WorkOrderPage searchWorkOrders(
            @QueryParam("region") @Size(max = Bounds.REGION_CODE)
                    @Parameter(description = "region code prefix, e.g. 220382") String region,
            @QueryParam("village") @Size(max = Bounds.REGION_CODE)
                    @Parameter(description = "12-digit village code") String village,
            @QueryParam("status") @Size(max = LONGEST_STATUS)
                    @Parameter(description = "DRAFT, ISSUED, ASSIGNED, IN_PROGRESS, COMPLETED, VERIFIED, REJECTED or CANCELLED") String status,
            @QueryParam("category") @Size(max = Bounds.CATEGORY_CODE)
                    @Parameter(description = "category code") String category,
            @QueryParam("contractor") @Size(max = 18)
                    @Parameter(description = "contractor id") String contractor,
            @QueryParam("dueFrom") @Size(max = Bounds.DAY)
                    @Parameter(description = "due on or after (yyyy-MM-dd)") String dueFrom,
            @QueryParam("dueTo") @Size(max = Bounds.DAY)
                    @Parameter(description = "due on or before (yyyy-MM-dd)") String dueTo,
            @QueryParam("overdue") @Size(max = Bounds.FLAG)
                    @Parameter(description = "true: past due and not completed, verified or cancelled") String overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        if (region != null && !RegionCode.isValid(region)) {
            throw new InvalidInputProblem("region", "problem.region.code.invalid");
        }
        if (village != null && !RegionCode.isVillageCode(village)) {
            throw new InvalidInputProblem("village", "problem.village.code.invalid");
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw new InvalidInputProblem("overdue", "problem.boolean.invalid");
        }
        var criteria = new WorkOrderCriteria(region, village, status("status", status), Inputs.emptyToNull(category),
                Inputs.emptyToNull(contractor), date("dueFrom", dueFrom), date("dueTo", dueTo),
                overdue == null ? null : Boolean.valueOf(overdue));
        Results<WorkOrder> found = service.search(caller.get(), criteria, page, size);
        return new WorkOrderPage(found.items().stream().map(WorkOrderView::of).toList(), page, size, found.total());
    }

    @POST
    @Path("/{id}/issue")
    @Idempotent
    @APIResponse(responseCode = "200", description = "issued (DRAFT → ISSUED); 409 naming the current state otherwise")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response issueWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch) {
        return answer(service.issue(WorkOrderIds.parse(id), caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/assign")
    @Idempotent
    @APIResponse(responseCode = "200", description = "assigned to an active contractor (ISSUED → ASSIGNED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assignWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull Assign body) {
        return answer(service.assign(WorkOrderIds.parse(id), body.contractorId().strip(), caller.get(),
                ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/start")
    @Idempotent
    @APIResponse(responseCode = "200", description = "started by the assigned contractor (ASSIGNED or REJECTED → IN_PROGRESS)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response startWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch) {
        return answer(service.start(WorkOrderIds.parse(id), caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/complete")
    @Idempotent
    @APIResponse(responseCode = "200", description = "completed by the assigned contractor (IN_PROGRESS → COMPLETED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completeWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull Complete body) {
        return answer(service.complete(WorkOrderIds.parse(id), body.toDomain(), caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/verify")
    @Idempotent
    @APIResponse(responseCode = "200", description = "verified by staff (COMPLETED → VERIFIED): the actual quantity now counts")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response verifyWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch) {
        return answer(service.verify(WorkOrderIds.parse(id), caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/reject")
    @Idempotent
    @APIResponse(responseCode = "200", description = "completion sent back with a reason (COMPLETED → REJECTED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rejectWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull Reason body) {
        return answer(service.reject(WorkOrderIds.parse(id), body.reason(), caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/cancel")
    @Idempotent
    @APIResponse(responseCode = "200", description = "cancelled (from any state but VERIFIED and CANCELLED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancelWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid OptionalReason body) {
        String reason = body == null ? null : body.reason();
        return answer(service.cancel(WorkOrderIds.parse(id), reason, caller.get(), ETags.expected(ifMatch)));
    }

    @POST
    @Path("/{id}/corrections")
    @Idempotent
    @APIResponse(responseCode = "200", description = "verified quantity corrected by a district admin, with a reason (its own event)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correctWorkOrder(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id,
            @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch, @Valid @NotNull Correction body) {
        return answer(service.correct(WorkOrderIds.parse(id), body.quantity(), body.reason(), caller.get(),
                ETags.expected(ifMatch)));
    }

    /** The order as it is now, with its version as the ETag. */
    private static Response answer(WorkOrder order) {
        WorkOrderView view = WorkOrderView.of(order);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    private static WorkOrderStatus status(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return WorkOrderStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(field, "problem.work-order.status.invalid");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem(field, "problem.date.invalid");
        }
    }
}
