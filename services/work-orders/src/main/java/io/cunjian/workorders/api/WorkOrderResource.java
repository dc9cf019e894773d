package io.cunjian.workorders.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.RegionScope;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.security.Role;
import io.cunjian.workorders.domain.Priority;
import io.cunjian.workorders.domain.Quantities;
import io.cunjian.workorders.domain.WorkOrder;
import io.cunjian.workorders.domain.WorkOrderService;
import io.cunjian.workorders.domain.WorkOrderStatus;
import io.cunjian.workorders.persistence.TransitionEntity;
import io.cunjian.workorders.persistence.WorkOrderRepository;

/**
 * Work orders from draft to verified completion. Staff (district admins, township staff) in the
 * order's region create and drive them; the assigned contractor starts and completes them; district
 * admins correct verified quantities. Another contractor's order does not exist for a contractor (404).
 */
@Path("/api/v1/work-orders")
@Tag(name = "Work orders", description = "工单 — lighting, greening, road and amenity work from draft to verified completion")
@Produces(MediaType.APPLICATION_JSON)
public class WorkOrderResource {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public record LocationInput(@Size(max = 500) @Schema(examples = "102 国道永加段") String text,
            @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude) {
    }

    public record CreateWorkOrder(
            @NotBlank @Pattern(regexp = "^[0-9]{12}$") @Schema(description = "12-digit village code", examples = "220382201201") String villageCode,
            @NotBlank @Size(max = 64) @Schema(description = "work category code (village-projects' catalogue)", examples = "street-lamp-repair") String categoryCode,
            @Size(max = 16) @Schema(description = "optional check: the category's unit (code or Chinese, e.g. LAMP or 盏); another unit is refused", examples = "LAMP") String unit,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3)
            @Schema(description = "planned quantity in the category's unit, positive, at most 3 decimals", examples = "80") BigDecimal plannedQuantity,
            @NotBlank @Size(max = 200) @Schema(examples = "国道沿线路灯维修") String title,
            @Size(max = 4000) String description,
            @Valid LocationInput location,
            @Schema(description = "due date (Asia/Shanghai calendar day)", examples = "2026-06-30") LocalDate dueDate,
            @Schema(description = "NORMAL unless given") Priority priority) {
    }

    public record Assign(@NotBlank @Size(max = 18) @Schema(examples = "91220300MA14ABCD1X") String contractorId) {
    }

    public record Complete(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3)
            @Schema(description = "quantity actually built, in the order's unit", examples = "80") BigDecimal actualQuantity,
            @Schema(description = "when the work was finished; now when absent; not in the future") OffsetDateTime completedAt,
            @Size(max = 2000) String notes,
            @NotEmpty @Size(max = 20) @Schema(description = "ids of the photos uploaded to this order as evidence (at least one)")
            List<@NotNull UUID> photoIds) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    public record OptionalReason(@Size(max = 2000) String reason) {
    }

    public record Correction(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3)
            @Schema(description = "the right quantity, in the order's unit") BigDecimal quantity,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record LocationView(String text, BigDecimal latitude, BigDecimal longitude) {
    }

    public record CompletionView(BigDecimal actualQuantity, OffsetDateTime completedAt, String notes, List<UUID> photoIds) {
    }

    public record VerificationView(BigDecimal quantity, String by, OffsetDateTime at) {
    }

    public record WorkOrderView(UUID id, String villageCode, String categoryCode, String unit, String title,
            String description, LocationView location, BigDecimal plannedQuantity, LocalDate dueDate, Priority priority,
            WorkOrderStatus status, boolean overdue, String contractorId, CompletionView completion,
            VerificationView verification, long version) {

        static WorkOrderView of(WorkOrder o) {
            WorkOrder.Details d = o.details();
            return new WorkOrderView(o.id(), o.villageCode(), o.categoryCode(), o.unit(), d.title(), d.description(),
                    d.location() == null ? null
                            : new LocationView(d.location().text(), d.location().latitude(), d.location().longitude()),
                    Quantities.normalize(d.plannedQuantity()), d.dueDate(), d.priority(), o.status(), WorkOrderResource.overdue(o),
                    o.contractorId(),
                    o.completion() == null ? null
                            : new CompletionView(Quantities.normalize(o.completion().actualQuantity()),
                                    local(o.completion().completedAt()), o.completion().notes(),
                                    o.completion().photoIds().isEmpty() ? null : o.completion().photoIds()),
                    o.verification() == null ? null
                            : new VerificationView(Quantities.normalize(o.verification().quantity()), o.verification().by(),
                                    local(o.verification().at())),
                    o.version());
        }
    }

    public record TransitionView(OffsetDateTime at, String by, WorkOrderStatus from, WorkOrderStatus to, String eventType,
            String note, BigDecimal previousQuantity, BigDecimal newQuantity) {
        static TransitionView of(TransitionEntity t) {
            return new TransitionView(local(t.at), t.actor, t.fromStatus, t.toStatus, t.eventType, t.note,
                    Quantities.normalize(t.previousQuantity), Quantities.normalize(t.newQuantity));
        }
    }

    public record WorkOrderPage(List<WorkOrderView> items, int page, int size, long total) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    WorkOrderService service;
    @Inject
    WorkOrderRepository repository;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "created as a draft; 503 (retryable) while this service has not yet seen the village or category")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createWorkOrder(@Valid @NotNull CreateWorkOrder body) {
        Caller who = caller.get().require(Policies.MANAGE_IN_REGION, body.villageCode());
        LocationInput l = body.location();
        WorkOrder.Location location = l == null || (blank(l.text()) && l.latitude() == null && l.longitude() == null) ? null
                : new WorkOrder.Location(blank(l.text()) ? null : l.text().strip(), l.latitude(), l.longitude());
        if (location != null && (location.latitude() == null) != (location.longitude() == null)) {
            throw new InvalidInputProblem(location.latitude() == null ? "location.latitude" : "location.longitude",
                    "problem.work-order.position.incomplete");
        }
        var details = new WorkOrder.Details(body.title(), blank(body.description()) ? null : body.description().strip(),
                location, body.plannedQuantity(), body.dueDate(), body.priority());
        var outcome = service.create(body.villageCode(), body.categoryCode().strip(), body.unit(), details, who.subject());
        WorkOrder order = accepted(outcome);
        WorkOrderView view = WorkOrderView.of(order);
        return Response.created(URI.create("/api/v1/work-orders/" + order.id())).tag(ETags.of(view.version()))
                .entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getWorkOrder(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        WorkOrder order = service.find(orderId).orElseThrow(() -> notFound(id));
        see(caller.get(), order);
        WorkOrderView view = WorkOrderView.of(order);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @APIResponse(responseCode = "200", description = "every change of the order (who, when, from, to, note), oldest first")
    public List<TransitionView> getWorkOrderHistory(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        WorkOrder order = service.find(orderId).orElseThrow(() -> notFound(id));
        see(caller.get(), order);
        return service.history(orderId).stream().map(TransitionView::of).toList();
    }

    @GET
    public WorkOrderPage searchWorkOrders(
            @QueryParam("region") @Parameter(description = "region code prefix, e.g. 220382") String region,
            @QueryParam("village") @Parameter(description = "12-digit village code") String village,
            @QueryParam("status") @Parameter(description = "DRAFT, ISSUED, ASSIGNED, IN_PROGRESS, COMPLETED, VERIFIED, REJECTED or CANCELLED") String status,
            @QueryParam("category") @Parameter(description = "category code") String category,
            @QueryParam("contractor") @Parameter(description = "contractor id") String contractor,
            @QueryParam("dueFrom") @Parameter(description = "due on or after (yyyy-MM-dd)") String dueFrom,
            @QueryParam("dueTo") @Parameter(description = "due on or before (yyyy-MM-dd)") String dueTo,
            @QueryParam("overdue") @Parameter(description = "true: past due and not completed, verified or cancelled") String overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller who = caller.get();
        List<String> visible = List.of();
        String onlyContractor = null;
        if (who.hasRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER)) {
            visible = RegionScope.readable(who, null); // well-formed grants only: an odd one must never match everything
        } else if (who.hasRole(Role.CONTRACTOR)) {
            onlyContractor = who.contractorId().orElse("-"); // a contractor token without its company sees nothing
        } else {
            who.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER, Role.CONTRACTOR);
        }
        if (region != null && !RegionCode.isValid(region)) {
            throw new InvalidInputProblem("region", "problem.region.code.invalid");
        }
        if (village != null && !village.matches("[0-9]{12}")) {
            throw new InvalidInputProblem("village", "problem.village.code.invalid");
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw new InvalidInputProblem("overdue", "problem.boolean.invalid");
        }
        var filter = new WorkOrderRepository.Filter(visible, onlyContractor, region, village, status("status", status),
                emptyToNull(category), emptyToNull(contractor), date("dueFrom", dueFrom), date("dueTo", dueTo),
                overdue == null ? null : Boolean.valueOf(overdue), LocalDate.now(SHANGHAI));
        // lists leave out the completion's photo ids (GET …/{id} has them)
        List<WorkOrderView> items = repository.search(filter, page, size).stream()
                .map(e -> WorkOrderView.of(e.toDomain(null))).toList();
        return new WorkOrderPage(items, page, size, repository.countSearch(filter));
    }

    @POST
    @Path("/{id}/issue")
    @Idempotent
    @APIResponse(responseCode = "200", description = "issued (DRAFT → ISSUED); 409 naming the current state otherwise")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response issueWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return act(id, ifMatch, o -> manage(who, o), WorkOrder::issue, who);
    }

    @POST
    @Path("/{id}/assign")
    @Idempotent
    @APIResponse(responseCode = "200", description = "assigned to an active contractor (ISSUED → ASSIGNED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assignWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Assign body) {
        Caller who = caller.get();
        String contractorId = body.contractorId().strip();
        boolean active = service.contractorActive(contractorId);
        return act(id, ifMatch, o -> manage(who, o), o -> o.assign(contractorId, active), who);
    }

    @POST
    @Path("/{id}/start")
    @Idempotent
    @APIResponse(responseCode = "200", description = "started by the assigned contractor (ASSIGNED or REJECTED → IN_PROGRESS)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response startWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return act(id, ifMatch, o -> ownWork(who, o), WorkOrder::start, who);
    }

    @POST
    @Path("/{id}/complete")
    @Idempotent
    @APIResponse(responseCode = "200", description = "completed by the assigned contractor (IN_PROGRESS → COMPLETED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completeWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Complete body) {
        Caller who = caller.get();
        OffsetDateTime now = WorkOrderService.now();
        OffsetDateTime completedAt = body.completedAt() == null ? now : body.completedAt();
        if (completedAt.isAfter(now.plusMinutes(5))) {
            throw new InvalidInputProblem("completedAt", "problem.work-order.completed-at.future");
        }
        var completion = new WorkOrder.Completion(body.actualQuantity(), completedAt,
                blank(body.notes()) ? null : body.notes().strip(), body.photoIds().stream().distinct().toList());
        return act(id, ifMatch, o -> {
            ownWork(who, o);
            if (o.status() == WorkOrderStatus.IN_PROGRESS) { // else the state is the answer (409)
                service.requirePhotosOf(o.id(), completion.photoIds());
            }
        }, o -> o.complete(completion), who);
    }

    @POST
    @Path("/{id}/verify")
    @Idempotent
    @APIResponse(responseCode = "200", description = "verified by staff (COMPLETED → VERIFIED): the actual quantity now counts")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response verifyWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Caller who = caller.get();
        return act(id, ifMatch, o -> manage(who, o), o -> o.verify(who.subject(), WorkOrderService.now()), who);
    }

    @POST
    @Path("/{id}/reject")
    @Idempotent
    @APIResponse(responseCode = "200", description = "completion sent back with a reason (COMPLETED → REJECTED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rejectWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Reason body) {
        Caller who = caller.get();
        return act(id, ifMatch, o -> manage(who, o), o -> o.reject(body.reason()), who);
    }

    @POST
    @Path("/{id}/cancel")
    @Idempotent
    @APIResponse(responseCode = "200", description = "cancelled (from any state but VERIFIED and CANCELLED)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancelWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid OptionalReason body) {
        Caller who = caller.get();
        String reason = body == null ? null : body.reason();
        return act(id, ifMatch, o -> manage(who, o), o -> o.cancel(reason), who);
    }

    @POST
    @Path("/{id}/corrections")
    @Idempotent
    @APIResponse(responseCode = "200", description = "verified quantity corrected by a district admin, with a reason (its own event)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correctWorkOrder(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Correction body) {
        Caller who = caller.get();
        return act(id, ifMatch, o -> {
            see(who, o);
            who.require(Policies.ADMINISTER_IN_REGION, o.villageCode());
        }, o -> o.correct(body.quantity(), body.reason(), who.subject(), WorkOrderService.now()), who);
    }

    private Response act(String id, String ifMatch, Consumer<WorkOrder> guard, Function<WorkOrder, WorkOrder.Outcome> command,
            Caller who) {
        UUID orderId = orderId(id);
        var outcome = service.act(orderId, ifMatch, guard, command, who.subject()).orElseThrow(() -> notFound(id));
        WorkOrderView view = WorkOrderView.of(accepted(outcome));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    /** Staff, viewers of the region and the assigned contractor see an order; other contractors get 404. */
    static void see(Caller who, WorkOrder o) {
        who.require(Policies.SEE_ASSIGNED_WORK, new Policies.Assigned(o.villageCode(), o.contractorId()));
    }

    static void manage(Caller who, WorkOrder o) {
        see(who, o);
        who.require(Policies.MANAGE_IN_REGION, o.villageCode());
    }

    /** Only the contractor the order is assigned to starts and completes it. */
    static void ownWork(Caller who, WorkOrder o) {
        see(who, o);
        if (!who.contractorOwns(o.contractorId())) {
            throw new io.quarkus.security.ForbiddenException("only the assigned contractor starts and completes an order");
        }
    }

    private static WorkOrder accepted(WorkOrder.Outcome outcome) {
        if (outcome instanceof WorkOrder.Accepted accepted) {
            return accepted.order();
        }
        throw problem(((WorkOrder.Rejected) outcome).rejection());
    }

    private static RuntimeException problem(WorkOrder.Rejection rejection) {
        if (rejection instanceof WorkOrder.IllegalTransition r) {
            return new ConflictProblem(r.current().name(), "problem.work-order.illegal-transition", r.command(),
                    r.current().name());
        }
        if (rejection instanceof WorkOrder.UnitMismatch r) {
            return new InvalidInputProblem(List.of(new io.cunjian.chassis.problem.FieldError("unit",
                    "problem.work-order.unit.mismatch")))
                    .with("categoryUnit", r.categoryUnit());
        }
        if (rejection instanceof WorkOrder.PhotoRequired) {
            return new InvalidInputProblem("photoIds", "problem.work-order.photo.required");
        }
        if (rejection instanceof WorkOrder.ReasonRequired) {
            return new InvalidInputProblem("reason", "problem.work-order.reason.required");
        }
        if (rejection instanceof WorkOrder.ContractorNotActive) {
            return new InvalidInputProblem("contractorId", "problem.work-order.contractor.not-active");
        }
        if (rejection instanceof WorkOrder.QuantityUnchanged) {
            return new InvalidInputProblem("quantity", "problem.work-order.quantity.unchanged");
        }
        WorkOrder.NegativeQuantity r = (WorkOrder.NegativeQuantity) rejection;
        return new InvalidInputProblem(r.field(), "problem.work-order.quantity.invalid");
    }

    static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static NotFoundProblem notFound(String id) {
        return new NotFoundProblem("problem.work-order.not-found", id);
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

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    }

    static boolean overdue(WorkOrder o) {
        return o.details().dueDate() != null && o.details().dueDate().isBefore(LocalDate.now(SHANGHAI))
                && !List.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.VERIFIED, WorkOrderStatus.CANCELLED).contains(o.status());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
