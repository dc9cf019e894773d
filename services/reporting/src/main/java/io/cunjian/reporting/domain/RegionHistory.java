package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** Every change of a region as it arrived, oldest first. */
public interface RegionHistory {

    record HistoryRow(String type, String name, long version, OffsetDateTime at) {
    }

    List<HistoryRow> history(String code);
}
