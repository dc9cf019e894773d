package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Figures "as of" a past day: the end of that day in China time, by the events' time. Each
 * village's history holds its items after the event that changed them, so a day's figure is the
 * last one up to the end of that day — later events add to it and never change it.
 */
public interface ProgressHistory {

    enum Period {
        WEEK, MONTH
    }

    /** An item as history keeps it. */
    record HistoryItem(String code, String status, BigDecimal progress) {
    }

    record VillageAsOf(String code, LocalDate asOf, String standardId, BigDecimal progress, boolean meetsStandard,
            List<HistoryItem> items) {
    }

    record RegionAsOf(String region, LocalDate asOf, long villagesWithPlan, long villagesMeetingStandard,
            BigDecimal averageProgress, Map<String, Long> itemsMet) {
    }

    Optional<VillageAsOf> village(String code, LocalDate day);

    RegionAsOf region(String prefix, LocalDate day);

    /** The region as of the last day of each week (Sunday) or month from {@code from} to {@code to}, at most 120 points. */
    List<RegionAsOf> series(String prefix, LocalDate from, LocalDate to, Period period);
}
