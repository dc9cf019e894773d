package io.cunjian.workorders.api;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.problem.NotFoundProblem;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Role;
import io.cunjian.workorders.domain.Contractor;
import io.cunjian.workorders.domain.ContractorService;
import io.cunjian.workorders.persistence.ContractorRepository;

/** Contractors (施工单位), managed by district admins; a contractor may read its own record. */
@Path("/api/v1/contractors")
@Tag(name = "Contractors", description = "施工单位 — the companies work orders are assigned to")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractorResource {

    static final String PHONE = "^\\+?[0-9][0-9 -]{4,24}$";

    public record ContactInput(@NotBlank @Size(max = 50) String name,
            @NotBlank @Pattern(regexp = PHONE) @Schema(examples = "13904340000") String phone) {
    }

    @Schema(description = "What may change about a contractor: everything but its code.")
    public record ContractorDetails(@NotBlank @Size(max = 200) @Schema(examples = "四平市某照明工程有限公司") String name,
            @Valid ContactInput contact,
            @Schema(description = "inactive contractors keep their orders but take no new ones; default true") Boolean active) {

        Contractor.Details toDomain() {
            return new Contractor.Details(name, contact == null ? null : new Contractor.Contact(contact.name(), contact.phone()),
                    active == null || active);
        }
    }

    public record RegisterContractor(
            @NotBlank @Schema(description = "18-character unified social credit code (统一社会信用代码), check character validated",
                    examples = "91220300MA14ABCD1X") String id,
            @NotBlank @Size(max = 200) String name, @Valid ContactInput contact, Boolean active) {
    }

    public record ContactView(String name, String phone) {
    }

    public record ContractorView(String id, String name, ContactView contact, boolean active, long version) {
        static ContractorView of(Contractor c) {
            Contractor.Details d = c.details();
            return new ContractorView(c.id(), d.name(),
                    d.contact() == null ? null : new ContactView(d.contact().name(), d.contact().phone()), d.active(), c.version());
        }
    }

    public record ContractorPage(List<ContractorView> items, int page, int size, long total) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ContractorService service;
    @Inject
    ContractorRepository repository;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered")
    public Response registerContractor(@Valid @NotNull RegisterContractor body) {
        caller.get().requireRole(Role.DISTRICT_ADMIN);
        String id = body.id().strip();
        var details = new ContractorDetails(body.name(), body.contact(), body.active()).toDomain();
        var outcome = service.register(id, details);
        if (outcome instanceof Contractor.Rejected rejected) {
            throw problem(rejected.rejection());
        }
        ContractorView view = ContractorView.of(service.find(id).orElseThrow());
        return Response.created(URI.create("/api/v1/contractors/" + id)).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public Response getContractor(@PathParam("id") String id) {
        Caller who = caller.get();
        if (!who.hasRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER) && !who.contractorOwns(id)) {
            if (who.hasRole(Role.CONTRACTOR)) {
                throw notFound(id); // another company's record: as if it did not exist
            }
            who.requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER);
        }
        ContractorView view = ContractorView.of(service.find(id).orElseThrow(() -> notFound(id)));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public ContractorPage searchContractors(
            @QueryParam("name") @DefaultValue("") @Parameter(description = "part of the name") String name,
            @QueryParam("active") @Parameter(description = "true: active ones only; false: the others") String active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        caller.get().requireRole(Role.DISTRICT_ADMIN, Role.TOWNSHIP_STAFF, Role.VIEWER);
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw new InvalidInputProblem("active", "problem.boolean.invalid");
        }
        var filter = new ContractorRepository.Filter(name, active == null ? null : Boolean.valueOf(active));
        return new ContractorPage(repository.search(filter, page, size).stream().map(e -> ContractorView.of(e.toDomain())).toList(),
                page, size, repository.countSearch(filter));
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "updated (or unchanged: same version)")
    public Response updateContractor(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ContractorDetails body) {
        caller.get().requireRole(Role.DISTRICT_ADMIN);
        service.update(id, body.toDomain(), ifMatch).orElseThrow(() -> notFound(id));
        ContractorView view = ContractorView.of(service.find(id).orElseThrow());
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    private static NotFoundProblem notFound(String id) {
        return new NotFoundProblem("problem.contractor.not-found", id);
    }

    private static RuntimeException problem(Contractor.Rejection rejection) {
        if (rejection instanceof Contractor.AlreadyRegistered r) {
            return new ConflictProblem(null, "problem.contractor.already-registered", r.id());
        }
        return new InvalidInputProblem("id", "problem.contractor.id.invalid");
    }
}
