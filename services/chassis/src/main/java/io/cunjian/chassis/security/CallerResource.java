package io.cunjian.chassis.security;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service says whom it takes the caller to be: the quickest check of a token against a service. */
@Path("/me")
@Tag(name = "Caller", description = "The caller as this service reads the bearer token")
public class CallerResource {

    public record Me(String subject, List<String> roles, List<String> regions, String contractorId) {
    }

    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who the caller is: subject, roles, regions and, for contractors, the company")
    public Me me() {
        Caller c = caller.get();
        return new Me(c.subject(), c.roles().stream().map(Role::claim).sorted().toList(),
                c.regions().stream().sorted().toList(), c.contractorId().orElse(null));
    }
}
