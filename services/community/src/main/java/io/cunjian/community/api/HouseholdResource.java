package io.cunjian.community.api;

import java.net.URI;

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

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.replica.ReplicaProgress;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.community.domain.HouseholdService;
import io.cunjian.community.domain.Person;

/** Households (户) and their members: personal information, for the staff of the village's region only. */
@Path("/api/v1/households")
@Tag(name = "Households", description = "户 — households and their members (personal information under PIPL)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HouseholdResource {

    static final String NOT_FOUND = "problem.household.not-found";

    @Inject
    CurrentCaller caller;
    @Inject
    HouseholdService service;

    @POST
    @Idempotent
    @APIResponse(responseCode = "201", description = "registered, with its 户主 as first member")
    @APIResponse(responseCode = "422", description = ReplicaProgress.API_422)
    @APIResponse(responseCode = "503", description = ReplicaProgress.API_503)
    public Response registerHousehold(@Valid @NotNull RegisterHousehold body) {
        HouseholdView view = HouseholdView.of(service.register(caller.get(), body.villageCode(), body.address(), body.size(),
                body.headName()));
        return Response.created(URI.create("/api/v1/households/" + view.id())).tag(ETags.of(view.version())).entity(view)
                .build();
    }

    @GET
    @Path("/{id}")
    public Response getHousehold(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        HouseholdView view = HouseholdView.of(service.find(caller.get(), Ids.parse(id, NOT_FOUND)));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public HouseholdPage searchHouseholds(
            @QueryParam("village") @Size(max = Bounds.REGION_CODE) @Parameter(description = "12-digit village code") String village,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        var found = service.search(caller.get(), Ids.village("village", village), page, size);
        return new HouseholdPage(found.items().stream()
                .map(h -> HouseholdView.of(service.find(caller.get(), h.id()))).toList(), page, size, found.total());
    }

    @POST
    @Path("/{id}/members")
    @Idempotent
    @APIResponse(responseCode = "201", description = "recorded")
    public Response addMember(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id, @Valid @NotNull AddMember body) {
        Person added = service.addMember(caller.get(), Ids.parse(id, NOT_FOUND), new Person.Details(body.name(), body.relation()),
                body.aged14OrOver());
        return Response.created(URI.create("/api/v1/people/" + added.id())).tag(ETags.of(added.version()))
                .entity(PersonView.of(added)).build();
    }
}
