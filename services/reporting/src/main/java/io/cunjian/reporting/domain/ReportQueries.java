package io.cunjian.reporting.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cunjian.chassis.domain.ChinaTime;
import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.NotFound;
import io.cunjian.chassis.replica.RegionReplica;
import io.cunjian.chassis.security.Caller;
import io.cunjian.chassis.security.Policies;

/**
 * The questions reporting answers, each for a caller who may ask it: staff and viewers whose regions
 * cover the village or region asked about (or lie above it); not devices or contractors, not other
 * provinces. The caller is checked before anything is read, so a refused caller learns nothing, not
 * even whether the place exists. Codes arrive already checked as codes of the right level.
 */
@ApplicationScoped
public class ReportQueries {

    /** A region as reporting has learnt it, with every change of it, oldest first. */
    public record RegionOnFile(RegionReplica.ReplicaRegion region, List<RegionHistory.HistoryRow> history) {
    }

    /** A region's villages with a plan and the labels of the items of their standards, for an export. */
    public record RegionSheet(List<ProgressReports.VillageRow> villages, List<ProgressReports.ItemLabel> items) {
    }

    @Inject
    ProgressReports reports;
    @Inject
    ProgressHistory history;
    @Inject
    RegionHistory regionHistory;
    @Inject
    RegionReplica replica;

    public RegionOnFile region(Caller caller, String code) {
        requireReader(caller, code);
        RegionReplica.ReplicaRegion region = replica.find(code)
                .orElseThrow(() -> new NotFound("problem.region.not-found", code));
        return new RegionOnFile(region, regionHistory.history(code));
    }

    public ProgressReports.VillageReport villageProgress(Caller caller, String villageCode) {
        requireReader(caller, villageCode);
        return reports.village(villageCode).orElseThrow(() -> villageNotFound(villageCode));
    }

    public ProgressReports.RegionReport regionProgress(Caller caller, String prefix) {
        requireReader(caller, prefix);
        return reports.region(prefix);
    }

    /** The village's figures at the end of {@code day} in China. */
    public ProgressHistory.VillageAsOf villageProgressAsOf(Caller caller, String villageCode, LocalDate day) {
        requireReader(caller, villageCode);
        return history.village(villageCode, day).orElseThrow(() -> villageNotFound(villageCode));
    }

    public ProgressHistory.RegionAsOf regionProgressAsOf(Caller caller, String prefix, LocalDate day) {
        requireReader(caller, prefix);
        return history.region(prefix, day);
    }

    /**
     * The region's roll-up at the end of each period from {@code from} (required) to {@code to} (null:
     * today in China), by month unless {@code period} says otherwise.
     */
    public List<ProgressHistory.RegionAsOf> regionProgressSeries(Caller caller, String prefix, LocalDate from,
            LocalDate to, ProgressHistory.Period period) {
        requireReader(caller, prefix);
        if (from == null) {
            throw new InvalidInput("from", "problem.series.from.missing");
        }
        LocalDate until = to == null ? LocalDate.now(ChinaTime.ZONE) : to;
        if (until.isBefore(from)) {
            throw new InvalidInput("to", "problem.series.to.before-from");
        }
        // a year of weeks or months is what a chart shows; a longer span is named, not answered slowly
        if (java.time.temporal.ChronoUnit.DAYS.between(from, until) > ProgressHistory.SERIES_DAYS) {
            throw new InvalidInput("from", "problem.series.too-long");
        }
        return history.series(prefix, from, until, period == null ? ProgressHistory.Period.MONTH : period);
    }

    /** The region's villages with a plan, in code order. */
    public List<ProgressReports.VillageRow> villagesWithPlan(Caller caller, String prefix) {
        requireReader(caller, prefix);
        return reports.villages(prefix);
    }

    /** What an export of the region shows: its villages with a plan and their standards' items. */
    public RegionSheet sheet(Caller caller, String prefix) {
        List<ProgressReports.VillageRow> villages = villagesWithPlan(caller, prefix);
        return new RegionSheet(villages,
                reports.itemLabels(villages.stream().map(ProgressReports.VillageRow::standardId).toList()));
    }

    private static void requireReader(Caller caller, String code) {
        caller.require(Policies.READ_IN_REGION, code);
    }

    private static NotFound villageNotFound(String villageCode) {
        return new NotFound("problem.village-report.not-found", villageCode);
    }
}
