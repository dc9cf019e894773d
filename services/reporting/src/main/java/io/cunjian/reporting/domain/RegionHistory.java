package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.cunjian.chassis.domain.Bounds;

/** Every change of a region as it arrived, oldest first. */
public interface RegionHistory {

    record HistoryRow(@Size(max = 100) String type, @Size(max = 100) String name, @Min(0) @Max(Bounds.COUNT) long version,
            OffsetDateTime at) {
    }

    List<HistoryRow> history(String code);
}
