package io.cunjian.villageprojects.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.spreadsheet.Cells;
import io.cunjian.chassis.spreadsheet.Column;
import io.cunjian.chassis.spreadsheet.ImportProblems;
import io.cunjian.chassis.spreadsheet.RowProblem;
import io.cunjian.chassis.spreadsheet.SheetRow;
import io.cunjian.chassis.spreadsheet.SpreadsheetReader;
import io.cunjian.chassis.spreadsheet.Templates;
import io.cunjian.villageprojects.domain.VillageImport;

/**
 * Villages from an office's spreadsheet (ADR 0037): each row read into the API's {@link RegisterVillage}, checked by
 * its constraints, then registered or updated by the API's use cases, all or none; the same file twice changes nothing.
 */
@Path("/api/v1/villages/import")
@Tag(name = "Villages", description = "村 — villages, their figures and demonstration-village (示范村) status")
public class VillageImportResource {

    static final List<Column> COLUMNS = List.of(
            Column.required("code", "村代码"),
            Column.required("townshipCode", "乡镇代码"),
            Column.required("name", "村名"),
            Column.optional("households", "户数"),
            Column.optional("population", "人口"),
            Column.optional("demonstration", "示范村"),
            Column.optional("creationYear", "创建年份"),
            Column.optional("creationBatch", "批次"),
            Column.optional("contactName", "联系人"),
            Column.optional("contactPhone", "联系电话"));

    @Inject
    CurrentCaller caller;
    @Inject
    VillageImport imports;
    @Inject
    SpreadsheetReader spreadsheets;
    @Inject
    Validator validator;

    @POST
    @Consumes({SpreadsheetReader.XLSX, SpreadsheetReader.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(description = "XLSX (first sheet) or CSV (UTF-8 with or without BOM, or GB18030); header (Chinese or the "
            + "field names): 村代码 code, 乡镇代码 townshipCode, 村名 name, [户数 households, 人口 population, 示范村 demonstration "
            + "(是/否), 创建年份 creationYear, 批次 creationBatch, 联系人 contactName, 联系电话 contactPhone]; at most 20,000 rows; "
            + "the template is GET /api/v1/villages/import/template",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Bounds.IMPORT_FILE)),
                @Content(mediaType = SpreadsheetReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Bounds.IMPORT_FILE))})
    @APIResponse(responseCode = "201", description = "every row written, at least one village registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VillageImportResult.class)))
    @APIResponse(responseCode = "200", description = "every row written: villages updated or left as they were, none registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VillageImportResult.class)))
    @APIResponse(responseCode = "400", description = "nothing written: the problem names each bad row in rows (row, column, problem)")
    @APIResponse(responseCode = "413", description = "the file is larger than the service accepts")
    public Response importVillages(byte[] body) {
        List<SheetRow> rows = spreadsheets.read(body, COLUMNS);
        List<RowProblem> problems = new ArrayList<>();
        List<VillageImport.Row> villages = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SheetRow row : rows) {
            int before = problems.size();
            ContactInput contact = row.orNull("contactName") == null && row.orNull("contactPhone") == null ? null
                    : new ContactInput(row.get("contactName"), row.get("contactPhone"));
            RegisterVillage village = new RegisterVillage(row.get("code"), row.get("townshipCode"), row.get("name"),
                    Cells.integer(row, "households", problems), Cells.integer(row, "population", problems),
                    Cells.yesNo(row, "demonstration", false, problems), Cells.integer(row, "creationYear", problems),
                    row.orNull("creationBatch"), contact);
            ImportProblems.add(problems, row.row(), validator.validate(village), VillageImportResource::column);
            if (!village.code().isEmpty() && !RegionCode.isVillageCode(village.code())) {
                problems.add(RowProblem.of(row.row(), "code", "problem.village.code.invalid"));
            } else if (!village.code().isEmpty() && !seen.add(village.code())) {
                problems.add(RowProblem.of(row.row(), "code", "problem.import.duplicate", village.code()));
            }
            if (problems.size() == before) {
                villages.add(new VillageImport.Row(new RegionCode(village.code()), village.townshipCode(),
                        village.details().toDomain()));
                lines.add(row.row());
            }
        }
        if (!problems.isEmpty()) {
            throw ImportProblems.refused(problems);
        }
        try {
            VillageImport.Imported imported = imports.importAll(caller.get(), villages);
            return Response.status(imported.registered() > 0 ? 201 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(new VillageImportResult(imported.registered(), imported.updated(), imported.unchanged())).build();
        } catch (RowsRefused refused) {
            List<RowsRefused.Failure> failures = refused.failures().stream()
                    .map(f -> f.failure() instanceof VillageImport.RejectedRow r
                            ? new RowsRefused.Failure(f.index(), VillageResource.problem(r.rejection()))
                            : f)
                    .toList();
            throw ImportProblems.refused(new RowsRefused(failures), lines, VillageImportResource::column);
        }
    }

    @GET
    @Path("/template")
    @Produces({SpreadsheetReader.XLSX, "text/csv"})
    @APIResponse(responseCode = "200", description = "the import's empty sheet with Chinese headers, XLSX (columns as text) or CSV",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 65_536)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 65_536))})
    public Response villageImportTemplate(
            @QueryParam("format") @DefaultValue("xlsx") @Size(max = 4) @Parameter(description = "xlsx or csv") String format) {
        return Templates.answer("villages-template", COLUMNS, format);
    }

    private static String column(String field) {
        return switch (field) {
            case "contact.name" -> "contactName";
            case "contact.phone" -> "contactPhone";
            // a refusal naming no field (the caller may not act in the village's region) is the village's
            case "" -> "code";
            default -> field;
        };
    }
}
