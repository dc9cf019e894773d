package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * How far the read models have read: the next offset per topic partition (so that a rebuild knows
 * when it has caught up) and each topic's latest event applied (the freshness reports show).
 */
public interface ReadPositions {

    record Partition(String topic, int partition) {
    }

    /** Moves each partition's next offset forward (never back). */
    void advance(Map<Partition, Long> nextOffsets);

    /** Moves each topic's latest event time forward, stamped with now as when it was applied. */
    void applied(Map<String, OffsetDateTime> latestPerTopic);
}
