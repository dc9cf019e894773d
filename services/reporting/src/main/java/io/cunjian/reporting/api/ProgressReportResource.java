package io.cunjian.reporting.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cunjian.chassis.domain.Bounds;
import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.RegionCode;
import io.cunjian.chassis.export.CsvExport;
import io.cunjian.chassis.export.XlsxExport;
import io.cunjian.chassis.problem.InvalidInputProblem;
import io.cunjian.chassis.ratelimit.Budget;
import io.cunjian.chassis.ratelimit.RateLimited;
import io.cunjian.chassis.security.CurrentCaller;
import io.cunjian.reporting.domain.ProgressHistory;
import io.cunjian.reporting.domain.ProgressReports;
import io.cunjian.reporting.domain.ReportQueries;

/** Live progress against the creation standard: one village's items, a region's roll-up; each with its freshness. */
@Path("/api/v1/reports")
@Tag(name = "Progress", description = "创建进度 — progress of villages against their standard, rolled up by region")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressReportResource {

    @Inject
    CurrentCaller caller;
    @Inject
    ReportQueries reports;

    @GET
    @Path("/villages/{code}")
    @APIResponse(responseCode = "200", description = "the village's progress per item of its standard, with the figures behind each")
    public ProgressReports.VillageReport villageProgress(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        if (code == null || !RegionCode.isVillageCode(code)) {
            throw new InvalidInputProblem("code", "problem.village.code.invalid");
        }
        return reports.villageProgress(caller.get(), code);
    }

    @GET
    @Path("/regions/{code}")
    @APIResponse(responseCode = "200", description = "the roll-up of the villages with a plan whose code starts with the region's")
    public ProgressReports.RegionReport regionProgress(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code) {
        return reports.regionProgress(caller.get(), region(code));
    }

    @GET
    @Path("/villages/{code}/as-of/{day}")
    @APIResponse(responseCode = "200", description = "the village's figures at the end of that day (Asia/Shanghai); later events never change them")
    public ProgressHistory.VillageAsOf villageProgressAsOf(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @PathParam("day") LocalDate day) {
        if (code == null || !RegionCode.isVillageCode(code)) {
            throw new InvalidInputProblem("code", "problem.village.code.invalid");
        }
        return reports.villageProgressAsOf(caller.get(), code, day);
    }

    @GET
    @Path("/regions/{code}/as-of/{day}")
    @APIResponse(responseCode = "200", description = "the region's roll-up at the end of that day (Asia/Shanghai)")
    public ProgressHistory.RegionAsOf regionProgressAsOf(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @PathParam("day") LocalDate day) {
        return reports.regionProgressAsOf(caller.get(), region(code), day);
    }

    @GET
    @Path("/regions/{code}/series")
    @APIResponse(responseCode = "200", description = "the region's roll-up at the end of each week or month in [from, to], a year at most")
    public List<ProgressHistory.RegionAsOf> regionProgressSeries(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code, @QueryParam("from")
            @Parameter(description = "the first day (required); at most 366 days before to, or a 400 naming from") LocalDate from,
            @QueryParam("to") @Parameter(description = "the last day; today (Asia/Shanghai) when not given") LocalDate to, @QueryParam("period") ProgressHistory.Period period) {
        return reports.regionProgressSeries(caller.get(), region(code), from, to, period);
    }

    @GET
    @RateLimited(Budget.EXPORTS)
    @Path("/regions/{code}/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @APIResponse(responseCode = "200", description = "one row per village with a plan: overall figures and each item's status; Chinese headers unless lang=en (or Accept-Language: en)")
    public jakarta.ws.rs.core.Response exportRegion(@PathParam("code") @Size(max = Bounds.REGION_CODE) String code,
            @QueryParam("format") @jakarta.ws.rs.DefaultValue("csv") @Size(max = 4) String format,
            @QueryParam("lang") @Size(max = 35) String lang,
            @jakarta.ws.rs.HeaderParam("Accept-Language") @Size(max = 1000) String acceptLanguage) {
        // the caller first, then the format (reading the sheet changes nothing)
        ReportQueries.RegionSheet regionSheet = reports.sheet(caller.get(), region(code));
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidInputProblem("format", "problem.export.format");
        }
        boolean en = lang != null ? lang.startsWith("en") : acceptLanguage != null && acceptLanguage.startsWith("en");
        List<ProgressReports.VillageRow> villages = regionSheet.villages();
        List<ProgressReports.ItemLabel> items = regionSheet.items();
        List<String> header = new java.util.ArrayList<>(en
                ? List.of("Village code", "Village", "Township code", "Demonstration village", "Standard version", "Progress (%)",
                        "Meets the standard", "Items met", "Items")
                : List.of("村代码", "村名", "乡镇代码", "示范村", "标准版本", "进度（%）", "是否达标", "达标条目数", "条目数"));
        items.forEach(i -> header.add(en ? i.labelEn() : i.labelZh()));
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (ProgressReports.VillageRow v : villages) {
            List<Object> row = new java.util.ArrayList<>(List.of(v.code(), v.name(), v.townshipCode(),
                    yesNo(v.demonstration(), en), v.standardId(),
                    v.progress().movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP), yesNo(v.meets(), en),
                    v.itemsMet(), v.itemsTotal()));
            items.forEach(i -> row.add(status(v.itemStatus().get(i.code()), en)));
            rows.add(row);
        }
        String file = "cunjian-" + code + "-" + LocalDate.now(ChinaTime.ZONE) + "." + format;
        boolean csv = format.equals("csv");
        return jakarta.ws.rs.core.Response.ok(csv
                        ? CsvExport.write(header, rows)
                        : XlsxExport.write(en ? "Progress " + code : "创建进度 " + code, header, rows))
                .type(csv ? CsvExport.MEDIA_TYPE : XlsxExport.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static String yesNo(boolean value, boolean en) {
        return en ? (value ? "yes" : "no") : (value ? "是" : "否");
    }

    /** An item's status as a county office writes it; empty when the village's standard has no such item. */
    private static String status(String status, boolean en) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "MET" -> en ? "met" : "已达标";
            case "IN_PROGRESS" -> en ? "in progress" : "推进中";
            case "FAILING" -> en ? "failed inspection" : "检查未通过";
            default -> en ? "not started" : "未开始";
        };
    }

    /** The code of a region above the village level, or 400 naming {@code code}. */
    private static String region(String code) {
        if (code == null || !RegionCode.isRegionAboveVillage(code)) {
            throw new InvalidInputProblem("code", "problem.region.code.invalid");
        }
        return code;
    }
}
