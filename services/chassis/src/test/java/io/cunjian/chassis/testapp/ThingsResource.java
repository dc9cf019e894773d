package io.cunjian.chassis.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agroal.api.AgroalDataSource;
import io.cunjian.chassis.openapi.ApiConventions;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Policies;
import io.cunjian.chassis.security.Role;

/** A test-only API written the way a service would, to prove the chassis's security and OpenAPI conventions. */
@Path("/things")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThingsResource {

    public record NewThing(String regionCode, String contractorId) {
    }

    public record Thing(long id, String regionCode, String contractorId) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    AgroalDataSource db;

    @GET
    @Path("/in/{regionCode}")
    public List<Thing> listThings(@PathParam("regionCode") String regionCode) throws SQLException {
        caller.get().require(Policies.READ_IN_REGION, regionCode);
        return query("select id, region_code, contractor_id from thing where region_code like ? || '%' order by id", regionCode);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created")
    public Response createThing(NewThing thing) throws SQLException {
        caller.get().require(Policies.MANAGE_IN_REGION, thing.regionCode());
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into thing (region_code, contractor_id) values (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, thing.regionCode());
            s.setString(2, thing.contractorId());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Response.status(201).entity(new Thing(keys.getLong(1), thing.regionCode(), thing.contractorId())).build();
            }
        }
    }

    @GET
    @Path("/{id}")
    public Thing getThing(@PathParam("id") long id) throws SQLException {
        Thing thing = find(id);
        caller.get().require(Policies.SEE_ASSIGNED_WORK, new Policies.Assigned(thing.regionCode(), thing.contractorId()));
        return thing;
    }

    @PUT
    @Path("/{id}")
    public Thing updateThing(@PathParam("id") long id, NewThing update) throws SQLException {
        Thing thing = find(id);
        caller.get().requireRole(Role.DISTRICT_ADMIN).requireRegion(thing.regionCode()).requireRegion(update.regionCode());
        execute("update thing set region_code = ?, contractor_id = ? where id = ?", update.regionCode(), update.contractorId(), id);
        return find(id);
    }

    @DELETE
    @Path("/{id}")
    public void deleteThing(@PathParam("id") long id) throws SQLException {
        caller.get().require(Policies.ADMINISTER_IN_REGION, find(id).regionCode());
        execute("delete from thing where id = ?", id);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Role.Names.CONTRACTOR)
    @Extension(name = ApiConventions.ACTION_EXTENSION, value = "true")
    public Thing startThing(@PathParam("id") long id) throws SQLException {
        Thing thing = find(id);
        caller.get().require(Policies.SEE_ASSIGNED_WORK, new Policies.Assigned(thing.regionCode(), thing.contractorId()));
        return thing;
    }

    private Thing find(long id) throws SQLException {
        return query("select id, region_code, contractor_id from thing where id = ?", id).stream().findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private List<Thing> query(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            List<Thing> things = new ArrayList<>();
            while (rs.next()) {
                things.add(new Thing(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
            return things;
        }
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
