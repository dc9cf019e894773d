package io.cunjian.community.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.community.domain.HouseholdService;
import io.cunjian.community.domain.Person;

/** A household member's record, its erasure on request and the audit of what was done to it. */
@Path("/api/v1/people")
@Tag(name = "People", description = "成员 — household members, erasure of their personal information and its audit")
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    static final String NOT_FOUND = "problem.person.not-found";

    @Inject
    CurrentCaller caller;
    @Inject
    HouseholdService service;

    @GET
    @Path("/{id}")
    public Response getPerson(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        Person p = service.person(caller.get(), Ids.parse(id, NOT_FOUND));
        return Response.ok(PersonView.of(p)).tag(ETags.of(p.version())).build();
    }

    @POST
    @Path("/{id}/erasure")
    @Idempotent
    @APIResponse(responseCode = "200", description = "the person's personal fields are erased (erasing again changes nothing)")
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Response erasePerson(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        Person p = service.erase(caller.get(), Ids.parse(id, NOT_FOUND));
        return Response.ok(PersonView.of(p)).tag(ETags.of(p.version())).build();
    }

    @GET
    @Path("/{id}/audit")
    public AuditTrail getPersonAudit(@PathParam("id") @Size(max = Bounds.UUID_TEXT) String id) {
        return AuditTrail.of(service.audit(caller.get(), Ids.parse(id, NOT_FOUND)));
    }
}
