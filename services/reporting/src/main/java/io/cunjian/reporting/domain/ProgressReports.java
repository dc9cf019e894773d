package io.cunjian.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What reports read from the read models: one village's progress, a region's roll-up, the freshness of both. */
public interface ProgressReports {

    record Figure(String what, String labelZh, String labelEn, BigDecimal done, BigDecimal target, String unit) {
    }

    record ItemReport(String code, String kind, String measure, String labelZh, String labelEn, String status,
            BigDecimal progress, List<Figure> figures, OffsetDateTime since) {
    }

    record Freshness(OffsetDateTime lastEventTime, OffsetDateTime lastAppliedAt, Double lagSeconds) {
    }

    record VillageReport(String code, String name, String townshipCode, boolean demonstration, String standardId,
            String standardNameZh, boolean standardIllustrative, BigDecimal progress, boolean meetsStandard, int itemsMet,
            int itemsTotal, OffsetDateTime since, List<ItemReport> items, Freshness freshness) {
    }

    record ItemShare(String standardId, String itemCode, String labelZh, String labelEn, long villages, long met, BigDecimal share) {
    }

    record Laggard(String code, String name, BigDecimal progress, int itemsMet, int itemsTotal) {
    }

    record MissingItem(String itemCode, String labelZh, String labelEn, long villagesMissing) {
    }

    record BlindZone(long zoneId, String villageCode, String villageName, String zone) {
    }

    record RegionReport(String region, long villagesWithPlan, long demonstrationVillages, long villagesMeetingStandard,
            BigDecimal averageProgress, List<ItemShare> items, List<Laggard> laggards, List<MissingItem> mostOftenMissing,
            long overdueWorkOrders, List<BlindZone> blindZones, Freshness freshness) {
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
