package io.cunjian.chassis.testapp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;

/** The mistake the walker must catch: a write anyone can call. Exists only under {@link WalkerCatchesAnOpenDoorTest}. */
@Path("/open-door")
@IfBuildProperty(name = "cunjian.test.open-door", stringValue = "true")
public class OpenDoorResource {

    @Inject
    AgroalDataSource db;

    @POST
    @PermitAll
    @APIResponse(responseCode = "201", description = "Created")
    public jakarta.ws.rs.core.Response createAnything() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into thing (region_code) values ('220303')");
        }
        return jakarta.ws.rs.core.Response.status(201).build();
    }
}
