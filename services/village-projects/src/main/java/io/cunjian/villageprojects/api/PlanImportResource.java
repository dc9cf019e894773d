package io.cunjian.villageprojects.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.problem.FieldError;
import io.cunjian.chassis.problem.Messages;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.spreadsheet.Cells;
import io.cunjian.chassis.spreadsheet.Column;
import io.cunjian.chassis.spreadsheet.ImportProblems;
import io.cunjian.chassis.spreadsheet.RowProblem;
import io.cunjian.chassis.spreadsheet.SheetRow;
import io.cunjian.chassis.spreadsheet.SpreadsheetReader;
import io.cunjian.chassis.spreadsheet.Templates;
import io.cunjian.villageprojects.domain.PlanImport;

/**
 * Creation plans from an office's spreadsheet (ADR 0037): one row per work target, a village's rows together its
 * plan, read into the API's {@link PlanInput} and checked by its constraints, then set by the API's use case; all
 * villages or none, and the same file twice changes nothing. A problem of a target names the target's row.
 */
@Path("/api/v1/villages/plans/import")
@Tag(name = "Creation plans", description = "创建方案 — each village's standard version, deadline and targets")
public class PlanImportResource {

    static final List<Column> COLUMNS = List.of(
            Column.required("villageCode", "村代码"),
            Column.required("standardId", "标准版本"),
            Column.optional("deadline", "完成期限"),
            Column.required("itemCode", "条目代码"),
            Column.required("categoryCode", "类别代码"),
            Column.required("quantity", "目标数量"),
            Column.optional("note", "修改说明"));

    private static final Pattern TARGET = Pattern.compile("workTargets\\[(\\d+)]\\.?(.*)");

    @Inject
    CurrentCaller caller;
    @Inject
    PlanImport imports;
    @Inject
    SpreadsheetReader spreadsheets;
    @Inject
    Validator validator;

    /** One village's rows: the file's row of each work target, in order. */
    private record Group(String village, List<SheetRow> rows, List<WorkTargetInput> targets) {
    }

    @POST
    @Consumes({SpreadsheetReader.XLSX, SpreadsheetReader.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(description = "XLSX (first sheet) or CSV (UTF-8 with or without BOM, or GB18030); one row per work target; "
            + "header (Chinese or the field names): 村代码 villageCode, 标准版本 standardId, [完成期限 deadline], 条目代码 itemCode, "
            + "类别代码 categoryCode, 目标数量 quantity, [修改说明 note]; a village's rows name one standard and deadline; "
            + "coverage targets are kept as they are; at most 20,000 rows; the template is GET /api/v1/villages/plans/import/template",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Bounds.IMPORT_FILE)),
                @Content(mediaType = SpreadsheetReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Bounds.IMPORT_FILE))})
    @APIResponse(responseCode = "201", description = "every village's plan set (a first plan or a new revision) or already as the file says",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportResult.class)))
    @APIResponse(responseCode = "200", description = "nothing set: every village's plan was already as the file says",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportResult.class)))
    @APIResponse(responseCode = "400", description = "nothing written: the problem names each bad row in rows (row, column, problem)")
    @APIResponse(responseCode = "413", description = "the file is larger than the service accepts")
    public Response importPlans(byte[] body) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SheetRow row : spreadsheets.read(body, COLUMNS)) {
            String village = row.get("villageCode");
            if (!RegionCode.isVillageCode(village)) {
                problems.add(RowProblem.of(row.row(), "villageCode", "problem.village.code.invalid"));
                continue;
            }
            Group group = groups.computeIfAbsent(village, v -> new Group(v, new ArrayList<>(), new ArrayList<>()));
            if (!group.rows().isEmpty()) {
                SheetRow first = group.rows().get(0);
                for (String field : List.of("standardId", "deadline")) {
                    if (!row.get(field).equals(first.get(field))) {
                        problems.add(RowProblem.of(row.row(), field, "problem.import.plan.differs", first.row()));
                    }
                }
            }
            group.rows().add(row);
            group.targets().add(new WorkTargetInput(row.get("itemCode"), row.get("categoryCode"),
                    Cells.decimal(row, "quantity", problems)));
        }
        List<PlanImport.VillagePlan> plans = new ArrayList<>();
        List<Group> planned = new ArrayList<>();
        for (Group group : groups.values()) {
            SheetRow first = group.rows().get(0);
            LocalDate deadline = Cells.date(first, "deadline", problems);
            String note = group.rows().stream().map(r -> r.orNull("note")).filter(Objects::nonNull).findFirst().orElse(null);
            PlanInput input = new PlanInput(first.get("standardId"), deadline, group.targets(), null, note);
            validator.validate(input).forEach(v -> problems.add(locate(group, v.getPropertyPath().toString(), v.getMessage())));
            plans.add(new PlanImport.VillagePlan(new RegionCode(group.village()), input.toDomain(), note));
            planned.add(group);
        }
        if (!problems.isEmpty()) {
            throw ImportProblems.refused(problems.stream().sorted((a, b) -> Integer.compare(a.row(), b.row())).toList());
        }
        try {
            PlanImport.Imported imported = imports.importAll(caller.get(), plans);
            return Response.status(imported.set() > 0 ? 201 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(new PlanImportResult(imported.set(), imported.unchanged())).build();
        } catch (RowsRefused refused) {
            List<RowProblem> refusedRows = new ArrayList<>();
            for (RowsRefused.Failure f : refused.failures()) {
                Group group = planned.get(f.index());
                List<FieldError> errors = f.failure() instanceof PlanImport.RejectedPlan r
                        ? r.violations().stream().map(v -> new FieldError(v.field(), v.messageKey())).toList()
                        : null;
                if (errors == null) {
                    // a refusal of the whole plan (the caller, the village) names the village's first row
                    refusedRows.addAll(ImportProblems.of(group.rows().get(0).row(), f.failure(),
                            field -> field.isEmpty() ? "villageCode" : field));
                } else {
                    errors.forEach(e -> refusedRows.add(locate(group, e.field(),
                            Messages.text(Messages.defaultLocale(), e.message()))));
                }
            }
            throw ImportProblems.refused(refusedRows);
        }
    }

    @GET
    @Path("/template")
    @Produces({SpreadsheetReader.XLSX, "text/csv"})
    @APIResponse(responseCode = "200", description = "the import's empty sheet with Chinese headers, XLSX (columns as text) or CSV",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 65_536)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 65_536))})
    public Response planImportTemplate(
            @QueryParam("format") @DefaultValue("xlsx") @Size(max = 4) @Parameter(description = "xlsx or csv") String format) {
        return Templates.answer("plans-template", COLUMNS, format);
    }

    /** A plan's field as the file's row and column: a target's on its row, the plan's own on the village's first. */
    private static RowProblem locate(Group group, String field, String problem) {
        Matcher target = TARGET.matcher(field);
        if (target.matches()) {
            int index = Integer.parseInt(target.group(1));
            int row = group.rows().get(Math.min(index, group.rows().size() - 1)).row();
            return new RowProblem(row, target.group(2), problem);
        }
        return new RowProblem(group.rows().get(0).row(), field, problem);
    }
}
