package io.cunjian.workorders.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
import io.cunjian.chassis.domain.RowsRefused;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.spreadsheet.Cells;
import io.cunjian.chassis.spreadsheet.Column;
import io.cunjian.chassis.spreadsheet.ImportKeys;
import io.cunjian.chassis.spreadsheet.ImportProblems;
import io.cunjian.chassis.spreadsheet.RowProblem;
import io.cunjian.chassis.spreadsheet.SheetRow;
import io.cunjian.chassis.spreadsheet.SpreadsheetReader;
import io.cunjian.chassis.spreadsheet.Templates;
import io.cunjian.workorders.domain.Priority;
import io.cunjian.workorders.domain.WorkOrderImport;

/**
 * Work orders from an office's spreadsheet (ADR 0037), one draft order per row, each row read into the API's
 * {@link CreateWorkOrder} and checked by its constraints, then created by the API's use case: all or none, and the
 * same rows imported again create nothing.
 */
@Path("/api/v1/work-orders/import")
@Tag(name = "Work orders", description = "工单 — lighting, greening, road and amenity work from draft to verified completion")
public class WorkOrderImportResource {

    static final List<Column> COLUMNS = List.of(
            Column.required("villageCode", "村代码"),
            Column.required("categoryCode", "类别代码"),
            Column.optional("unit", "单位"),
            Column.required("plannedQuantity", "计划数量"),
            Column.required("title", "标题"),
            Column.optional("description", "说明"),
            Column.optional("location", "地点"),
            Column.optional("latitude", "纬度"),
            Column.optional("longitude", "经度"),
            Column.optional("dueDate", "截止日期"),
            Column.optional("priority", "优先级"));

    /** The request's field paths that are not a column's name; a refusal naming no field is the village's. */
    private static final Map<String, String> COLUMN_OF = Map.of("location.text", "location", "location.latitude", "latitude",
            "location.longitude", "longitude", "", "villageCode");

    @Inject
    CurrentCaller caller;
    @Inject
    WorkOrderImport imports;
    @Inject
    SpreadsheetReader spreadsheets;
    @Inject
    Validator validator;

    @POST
    @Consumes({SpreadsheetReader.XLSX, SpreadsheetReader.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(description = "XLSX (first sheet) or CSV (UTF-8 with or without BOM, or GB18030); header (Chinese or the "
            + "field names): 村代码 villageCode, 类别代码 categoryCode, [单位 unit], 计划数量 plannedQuantity, 标题 title, "
            + "[说明 description, 地点 location, 纬度 latitude, 经度 longitude, 截止日期 dueDate, 优先级 priority]; "
            + "at most 20,000 rows; the template is GET /api/v1/work-orders/import/template",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Bounds.IMPORT_FILE)),
                @Content(mediaType = SpreadsheetReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Bounds.IMPORT_FILE))})
    @APIResponse(responseCode = "201", description = "every row's draft order created (or already there from an earlier import)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkOrderImportResult.class)))
    @APIResponse(responseCode = "200", description = "nothing created: every row's order was already there",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkOrderImportResult.class)))
    @APIResponse(responseCode = "400", description = "nothing created: the problem names each bad row in rows (row, column, problem)")
    @APIResponse(responseCode = "413", description = "the file is larger than the service accepts")
    public Response importWorkOrders(byte[] body) {
        List<SheetRow> rows = spreadsheets.read(body, COLUMNS);
        List<RowProblem> problems = new ArrayList<>();
        List<WorkOrderImport.NewOrder> orders = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        ImportKeys keys = new ImportKeys("work-order");
        for (SheetRow row : rows) {
            int before = problems.size();
            CreateWorkOrder order = new CreateWorkOrder(row.get("villageCode"), row.get("categoryCode"), row.orNull("unit"),
                    Cells.decimal(row, "plannedQuantity", problems), row.get("title"), row.orNull("description"),
                    new LocationInput(row.orNull("location"), Cells.decimal(row, "latitude", problems),
                            Cells.decimal(row, "longitude", problems)),
                    Cells.date(row, "dueDate", problems), Cells.choice(row, "priority", Priority.class, problems));
            ImportProblems.add(problems, row.row(), validator.validate(order), WorkOrderImportResource::column);
            if (problems.size() == before) {
                var details = order.details();
                var location = order.location();
                orders.add(new WorkOrderImport.NewOrder(keys.next(Arrays.asList(order.villageCode(), order.categoryCode(),
                        order.unit(), order.plannedQuantity(), order.title(), order.description(), location.text(),
                        location.latitude(), location.longitude(), order.dueDate(), details.priority())),
                        order.villageCode(), order.categoryCode().strip(), order.unit(), details));
                lines.add(row.row());
            }
        }
        if (!problems.isEmpty()) {
            throw ImportProblems.refused(problems);
        }
        try {
            WorkOrderImport.Imported imported = imports.importAll(caller.get(), orders);
            return Response.status(imported.created().isEmpty() ? 200 : 201).type(MediaType.APPLICATION_JSON)
                    .entity(new WorkOrderImportResult(imported.created().size(), imported.unchanged().size(),
                            imported.created(), imported.unchanged())).build();
        } catch (RowsRefused refused) {
            throw ImportProblems.refused(refused, lines, WorkOrderImportResource::column);
        }
    }

    @GET
    @Path("/template")
    @Produces({SpreadsheetReader.XLSX, "text/csv"})
    @APIResponse(responseCode = "200", description = "the import's empty sheet with Chinese headers, XLSX (columns as text) or CSV",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 65_536)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 65_536))})
    public Response workOrderImportTemplate(
            @QueryParam("format") @DefaultValue("xlsx") @Size(max = 4) @Parameter(description = "xlsx or csv") String format) {
        return Templates.answer("work-orders-template", COLUMNS, format);
    }

    private static String column(String field) {
        return COLUMN_OF.getOrDefault(field, field);
    }
}
