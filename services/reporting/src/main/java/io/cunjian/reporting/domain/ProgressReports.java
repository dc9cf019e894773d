package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;

/** What reports read from the read models: one village's progress, a region's roll-up, the freshness of both. */
public interface ProgressReports {

    record Figure(@Size(max = Bounds.CATEGORY_CODE) String what, @Size(max = 100) String labelZh, @Size(max = 200) String labelEn,
            BigDecimal done, BigDecimal target, @Size(max = Bounds.UNIT) String unit) {
    }

    record ItemReport(@Size(max = 50) String code, @Size(max = 20) String kind, @Size(max = 20) String measure,
            @Size(max = 100) String labelZh, @Size(max = 200) String labelEn, @Size(max = 20) String status,
            BigDecimal progress, @Size(max = 200) List<Figure> figures, OffsetDateTime since) {
    }

    record Freshness(OffsetDateTime lastEventTime, OffsetDateTime lastAppliedAt, Double lagSeconds) {
    }

    record VillageReport(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 100) String name,
            @Size(max = 9) String townshipCode, boolean demonstration, @Size(max = 50) String standardId,
            @Size(max = 100) String standardNameZh, boolean standardIllustrative, BigDecimal progress, boolean meetsStandard,
            @Min(0) @Max(60) int itemsMet, @Min(0) @Max(60) int itemsTotal, OffsetDateTime since,
            @Size(max = 60) List<ItemReport> items, Freshness freshness) {
    }

    record ItemShare(@Size(max = 50) String standardId, @Size(max = 50) String itemCode, @Size(max = 100) String labelZh,
            @Size(max = 200) String labelEn, @Min(0) @Max(Long.MAX_VALUE) long villages, @Min(0) @Max(Long.MAX_VALUE) long met, BigDecimal share) {
    }

    record Laggard(@Size(max = Bounds.REGION_CODE) String code, @Size(max = 100) String name, BigDecimal progress,
            @Min(0) @Max(60) int itemsMet, @Min(0) @Max(60) int itemsTotal) {
    }

    record MissingItem(@Size(max = 50) String itemCode, @Size(max = 100) String labelZh, @Size(max = 200) String labelEn,
            @Min(0) @Max(Long.MAX_VALUE) long villagesMissing) {
    }

    record BlindZone(@Min(1) @Max(Long.MAX_VALUE) long zoneId, @Size(max = Bounds.REGION_CODE) String villageCode,
            @Size(max = 100) String villageName, @Size(max = 100) String zone) {
    }

    // laggards, mostOftenMissing and blindZones are the first 10, 10 and 200 (Reports)
    record RegionReport(@Size(max = Bounds.REGION_CODE) String region, @Min(0) @Max(Long.MAX_VALUE) long villagesWithPlan,
            @Min(0) @Max(Long.MAX_VALUE) long demonstrationVillages, @Min(0) @Max(Long.MAX_VALUE) long villagesMeetingStandard, BigDecimal averageProgress,
            List<ItemShare> items, @Size(max = 10) List<Laggard> laggards, @Size(max = 10) List<MissingItem> mostOftenMissing,
            @Min(0) @Max(Long.MAX_VALUE) long overdueWorkOrders, @Size(max = 200) List<BlindZone> blindZones, Freshness freshness) {
    }

    /** One village of a region's export: its overall figures and each item's status. */
    record VillageRow(String code, String name, String townshipCode, boolean demonstration, String standardId,
            BigDecimal progress, boolean meets, int itemsMet, int itemsTotal, Map<String, String> itemStatus) {
    }

    /** An item of the standard versions a region's villages follow, with its labels, in standard order. */
    record ItemLabel(String code, String labelZh, String labelEn) {
    }

    /** The villages with a plan whose code starts with {@code prefix}, in code order, each with its items' status. */
    List<VillageRow> villages(String prefix);

    /** The items of the given standard versions, each code once, in the order the versions list them. */
    List<ItemLabel> itemLabels(Collection<String> standardIds);

    Optional<VillageReport> village(String code);

    RegionReport region(String prefix);

    /** The freshness of the oldest-applied topic: when the last event was written and how long it took to apply. */
    Freshness freshness();
}
