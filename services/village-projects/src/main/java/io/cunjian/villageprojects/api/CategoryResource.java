package io.cunjian.villageprojects.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.concurrency.ETags;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.idempotency.Idempotent;
import io.cunjian.chassis.problem.ConflictProblem;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.security.Role;
import io.cunjian.villageprojects.domain.CategoryService;
import io.cunjian.villageprojects.domain.WorkCategory;

/**
 * The work-category catalogue. A category's unit and group are fixed when it is defined; only its
 * names can be corrected (another unit is another category).
 */
@Path("/api/v1/categories")
@Tag(name = "Work categories", description = "工程类别 — what work orders and plans count, each in one unit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CurrentCaller caller;
    @Inject
    CategoryService service;

    @POST
    @RolesAllowed(Role.Names.DISTRICT_ADMIN)
    @Idempotent
    @APIResponse(responseCode = "201", description = "defined")
    public Response defineCategory(@Valid @NotNull DefineCategory body) {
        String code = code("code", body.code());
        var outcome = service.define(code, body.nameZh(), body.nameEn(), body.unit(), body.group());
        if (outcome instanceof WorkCategory.Rejected<?> rejected) {
            throw problem(rejected.rejection());
        }
        CategoryView view = CategoryView.of(service.find(caller.get(), code));
        return Response.created(URI.create("/api/v1/categories/" + code)).tag(ETags.of(view.version())).entity(view).build();
    }

    @GET
    @Path("/{code}")
    public Response getCategory(@PathParam("code") @Size(max = Bounds.CATEGORY_CODE) String code) {
        CategoryView view = CategoryView.of(service.find(caller.get(), code));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    public CategoryPage listCategories(@QueryParam("group") WorkCategory.Group group,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.PAGE) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(Bounds.PAGE_SIZE) int size) {
        var found = service.list(caller.get(), group, page, size);
        return new CategoryPage(found.items().stream().map(CategoryView::of).toList(), page, size, found.total());
    }

    @PUT
    @RolesAllowed(Role.Names.DISTRICT_ADMIN)
    @Path("/{code}")
    public Response renameCategory(@PathParam("code") @Size(max = Bounds.CATEGORY_CODE) String code, @HeaderParam("If-Match") @Size(max = Bounds.IF_MATCH) String ifMatch,
            @Valid @NotNull RenameCategory body) {
        String categoryCode = code("code", code);
        var outcome = service.rename(categoryCode, body.nameZh(), body.nameEn(), body.unit(), body.group(),
                ETags.expected(ifMatch));
        if (outcome instanceof WorkCategory.Rejected<?> rejected) {
            throw problem(rejected.rejection());
        }
        CategoryView view = CategoryView.of(service.find(caller.get(), categoryCode));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    private static String code(String field, String code) {
        if (!WorkCategory.isValidCode(code)) {
            throw new InvalidInputProblem(field, "problem.category.code.invalid");
        }
        return code;
    }

    private static RuntimeException problem(WorkCategory.Rejection rejection) {
        if (rejection instanceof WorkCategory.AlreadyDefined r) {
            return new ConflictProblem(null, "problem.category.already-defined", r.code());
        }
        var r = (WorkCategory.NamesUnchanged) rejection;
        return new ConflictProblem(null, "problem.category.names-unchanged", r.nameZh(), r.nameEn());
    }
}
