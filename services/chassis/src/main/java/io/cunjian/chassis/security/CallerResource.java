package io.cunjian.chassis.security;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;

/** Every service says whom it takes the caller to be: the quickest check of a token against a service. */
@Path("/me")
@Tag(name = "Caller", description = "The caller as this service reads the bearer token")
public class CallerResource {

    /** What the token says, echoed: bounded by the header it came in. */
    public record Me(@Size(max = Bounds.TOKEN_TEXT) String subject,
            @Size(max = Bounds.TOKEN_LIST) List<@Size(max = Bounds.TOKEN_TEXT) String> roles,
            @Size(max = Bounds.TOKEN_LIST) List<@Size(max = Bounds.TOKEN_TEXT) String> regions,
            @Size(max = Bounds.TOKEN_TEXT) String contractorId) {
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
