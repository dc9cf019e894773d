package io.cunjian.camerainventory.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import io.cunjian.camerainventory.domain.Camera;
import io.cunjian.camerainventory.domain.CameraFilter;
import io.cunjian.camerainventory.domain.CameraService;
import io.cunjian.camerainventory.domain.CameraStatus;
import io.cunjian.camerainventory.domain.GeoPoint;
import io.cunjian.camerainventory.domain.Lifecycle;
import io.cunjian.camerainventory.domain.Zone;
import io.cunjian.camerainventory.domain.ZoneCoverage;
import io.cunjian.camerainventory.domain.ZoneService;
import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.ratelimit.Budget;
import io.cunjian.chassis.ratelimit.RateLimited;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.chassis.spreadsheet.ImportProblems;
import io.cunjian.chassis.spreadsheet.RowProblem;
import io.cunjian.chassis.spreadsheet.SheetRow;
import io.cunjian.chassis.spreadsheet.SpreadsheetReader;
import io.cunjian.chassis.spreadsheet.Templates;

/** Cameras in bulk: CSV import (all or nothing, with a row-by-row report) and CSV export filtered like the list. */
@Path("/api/v1/cameras")
@Tag(name = "Cameras", description = "摄像头 — the camera inventory, lifecycle and maintenance log")
public class CameraCsvResource {

    @Inject
    CurrentCaller caller;
    @Inject
    CameraService service;
    @Inject
    ZoneService zones;
    @Inject
    RegionReplica replica;
    @Inject
    SpreadsheetReader spreadsheets;

    @POST
    @Path("/import")
    @Consumes({SpreadsheetReader.CSV, SpreadsheetReader.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RequestBody(description = "CSV (UTF-8 with or without BOM, or GB18030) or XLSX (first sheet); header: serial, villageCode, "
            + "zone (the zone's name), model, vendor, latitude, longitude[, installedOn, installer, lifecycle] or 序列号, 村代码, "
            + "覆盖区域, 型号, 厂商, 纬度, 经度[, 安装日期, 安装单位, 状态]; at most 20,000 rows",
            content = {@Content(mediaType = SpreadsheetReader.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Bounds.IMPORT_FILE)),
                @Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Bounds.IMPORT_FILE))})
    @APIResponse(responseCode = "201", description = "every row registered")
    @APIResponse(responseCode = "400", description = "nothing registered: the problem lists each bad row in rows (row, column, problem)")
    @APIResponse(responseCode = "413", description = "the file is larger than the service accepts")
    public Response importCameras(byte[] body) {
        Caller who = caller.get();
        List<SheetRow> rows = spreadsheets.read(body, CameraCsv.COLUMNS);
        List<RowProblem> problems = new ArrayList<>();
        List<CameraService.NewCamera> list = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Optional<Map<String, Zone>>> villageZones = new HashMap<>();
        for (SheetRow row : rows) {
            int before = problems.size();
            String serial = row.get("serial");
            if (!Camera.validSerial(serial)) {
                problems.add(RowProblem.of(row.row(), "serial", "problem.camera.serial.invalid"));
            } else if (!seen.add(serial)) {
                problems.add(new RowProblem(row.row(), "serial", "duplicate in this file: " + serial));
            } else if (service.exists(serial)) {
                problems.add(RowProblem.of(row.row(), "serial", "problem.camera.serial-taken", serial));
            }
            String village = row.get("villageCode");
            Zone zone = null;
            if (!RegionCode.isVillageCode(village)) {
                problems.add(RowProblem.of(row.row(), "villageCode", "problem.village.code.invalid"));
            } else if (!service.mayRegisterIn(who, village)) {
                problems.add(new RowProblem(row.row(), "villageCode", "outside your regions: " + village));
            } else {
                Optional<Map<String, Zone>> known = villageZones.computeIfAbsent(village, v -> replica.find(v).isEmpty()
                        ? Optional.empty()
                        : Optional.of(zonesByName(v)));
                if (known.isEmpty()) {
                    problems.add(RowProblem.of(row.row(), "villageCode", "problem.village.not-found", village));
                } else {
                    zone = known.get().get(row.get("zone"));
                    if (zone == null) {
                        problems.add(RowProblem.of(row.row(), "zone", "problem.camera.zone-unknown"));
                    }
                }
            }
            for (String column : List.of("model", "vendor")) {
                if (row.get(column).isEmpty() || row.get(column).length() > 100) {
                    problems.add(new RowProblem(row.row(), column, "1–100 characters"));
                }
            }
            Double lat = number(row.get("latitude"));
            Double lng = number(row.get("longitude"));
            if (!GeoPoint.validLatitude(lat)) {
                problems.add(new RowProblem(row.row(), "latitude", "a latitude between -90 and 90"));
            }
            if (!GeoPoint.validLongitude(lng)) {
                problems.add(new RowProblem(row.row(), "longitude", "a longitude between -180 and 180"));
            }
            LocalDate installedOn = null;
            if (!row.get("installedOn").isEmpty()) {
                try {
                    installedOn = LocalDate.parse(row.get("installedOn").replace('/', '-'));
                } catch (DateTimeParseException e) {
                    problems.add(new RowProblem(row.row(), "installedOn", "a date such as 2024-05-01"));
                }
            }
            if (row.get("installer").length() > 100) {
                problems.add(new RowProblem(row.row(), "installer", "at most 100 characters"));
            }
            Lifecycle lifecycle = Lifecycle.PLANNED;
            if (!row.get("lifecycle").isEmpty()) {
                try {
                    lifecycle = Lifecycle.valueOf(row.get("lifecycle").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    lifecycle = null;
                }
                if (lifecycle == null || !lifecycle.registrable()) {
                    problems.add(RowProblem.of(row.row(), "lifecycle", "problem.camera.lifecycle.not-registrable"));
                }
            }
            if (problems.size() == before) {
                list.add(new CameraService.NewCamera(serial, village, new Camera.Details(row.get("model"), row.get("vendor"),
                        zone.id(), new GeoPoint(lat, lng), installedOn, row.get("installer")), lifecycle));
                lines.add(row.row());
            }
        }
        if (!problems.isEmpty()) {
            throw ImportProblems.refused(problems);
        }
        try {
            List<Camera> imported = service.registerAll(list, who);
            return Response.status(201).type(MediaType.APPLICATION_JSON)
                    .entity(new ImportResult(imported.size(), imported.stream().map(Camera::serial).toList())).build();
        } catch (CameraService.RegistrationRefused refused) {
            // a concurrent registration took a serial or a zone between the checks and the transaction
            throw ImportProblems.refused(List.of(new RowProblem(lines.get(refused.index()), "serial",
                    String.valueOf(refused.registration()))));
        }
    }

    @GET
    @Path("/import/template")
    @Produces({SpreadsheetReader.XLSX, "text/csv"})
    @APIResponse(responseCode = "200", description = "the import's empty sheet with Chinese headers, XLSX (columns as text) or CSV",
            content = {@Content(mediaType = SpreadsheetReader.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 65_536)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = 65_536))})
    public Response cameraImportTemplate(@QueryParam("format") @DefaultValue("xlsx") @Size(max = 4) @Parameter(description = "xlsx or csv") String format) {
        return Templates.answer("cameras-template", CameraCsv.COLUMNS, format);
    }

    @GET
    @RateLimited(Budget.EXPORTS)
    @Path("/export")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "UTF-8 CSV with BOM (opens in Excel), the import's columns plus zoneId, online and lastSeen",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response exportCameras(
            @QueryParam("within") @Size(max = Bounds.REGION_CODE) @Parameter(description = "region code prefix, e.g. 220382") String within,
            @QueryParam("village") @Size(max = Bounds.REGION_CODE) @Parameter(description = "12-digit village code") String village,
            @QueryParam("zone") @Min(1) @Max(Long.MAX_VALUE) @Parameter(description = "zone id") Long zone,
            @QueryParam("lifecycle") @Parameter(description = "lifecycle state") Lifecycle lifecycle,
            @QueryParam("online") @Size(max = Bounds.FLAG) @Parameter(schema = @Schema(type = SchemaType.BOOLEAN), description = "true: online cameras only; false: offline ones") String online,
            @QueryParam("vendor") @Size(max = 100) @Parameter(description = "vendor, exactly") String vendor) {
        CameraFilter filter = CameraResource.filter(within, village, zone, lifecycle, online, vendor);
        Map<Long, String> zoneNames = new HashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (CameraStatus s : service.all(caller.get(), filter)) {
            Camera c = s.camera();
            Camera.Details d = c.details();
            String zoneName = zoneNames.computeIfAbsent(d.zoneId(),
                    id -> zones.name(id).orElse(""));
            rows.add(Arrays.asList(c.serial(), c.villageCode(), d.zoneId(), zoneName, d.model(), d.vendor(),
                    d.position().latitude(), d.position().longitude(), d.installedOn() == null ? "" : d.installedOn().toString(),
                    d.installer() == null ? "" : d.installer(), c.lifecycle().name(), s.online(),
                    s.lastSeen() == null ? "" : Views.local(s.lastSeen()).toString()));
        }
        return Response.ok(CameraCsv.write(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"cameras.csv\"").build();
    }

    private Map<String, Zone> zonesByName(String village) {
        Map<String, Zone> out = new LinkedHashMap<>();
        zones.inVillage(village).stream().map(ZoneCoverage::zone).forEach(z -> out.put(z.details().name(), z));
        return out;
    }

    private static Double number(String s) {
        try {
            return s.isEmpty() ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
