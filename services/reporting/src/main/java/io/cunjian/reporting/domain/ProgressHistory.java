package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;

/**
 * Figures "as of" a past day: the end of that day in China time, by the events' time. Each
 * village's history holds its items after the event that changed them, so a day's figure is the
 * last one up to the end of that day — later events add to it and never change it.
 */
public interface ProgressHistory {

    /** The longest span of a series, in days from its first day to its last: a year, a leap year too. */
    int SERIES_DAYS = 366;

    enum Period {
        WEEK, MONTH
    }

    /** An item as history keeps it. */
    record HistoryItem(@Size(max = 50) String code, @Size(max = 20) String status, BigDecimal progress) {
    }

    record VillageAsOf(@Size(max = Bounds.REGION_CODE) String code, LocalDate asOf, @Size(max = 50) String standardId,
            BigDecimal progress, boolean meetsStandard, @Size(max = 60) List<HistoryItem> items) {
    }

    record RegionAsOf(@Size(max = Bounds.REGION_CODE) String region, LocalDate asOf, @Min(0) @Max(Long.MAX_VALUE) long villagesWithPlan,
            @Min(0) @Max(Long.MAX_VALUE) long villagesMeetingStandard, BigDecimal averageProgress,
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> itemsMet) {
    }

    Optional<VillageAsOf> village(String code, LocalDate day);

    RegionAsOf region(String prefix, LocalDate day);

    /** The region as of the last day of each week (Sunday) or month from {@code from} to {@code to} (at most {@link #SERIES_DAYS} days apart). */
    List<RegionAsOf> series(String prefix, LocalDate from, LocalDate to, Period period);
}
