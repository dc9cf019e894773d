package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The inspections recorded for villages; never changed, only added. */
public interface Inspections {

    void add(Inspection inspection);

    Optional<InspectionOnFile> find(UUID id);

    /** The village's inspections ({@code itemCode} empty: of every item), latest first, one page at a time. */
    List<InspectionOnFile> history(String villageCode, String itemCode, int page, int size);

    long countHistory(String villageCode, String itemCode);

    /** Per item, the inspection that counts: the latest by inspection date, then by when it was recorded. */
    List<InspectionOnFile> latestPerItem(String villageCode);
}
