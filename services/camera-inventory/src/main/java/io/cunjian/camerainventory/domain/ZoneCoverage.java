package io.cunjian.camerainventory.domain;

import java.time.OffsetDateTime;

/** A zone with its coverage as last recomputed ({@code coveredChangedAt} null: never flipped). */
public record ZoneCoverage(Zone zone, boolean covered, OffsetDateTime coveredChangedAt) {
}
