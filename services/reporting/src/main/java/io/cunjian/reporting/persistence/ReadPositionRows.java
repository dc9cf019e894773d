package io.cunjian.reporting.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.cunjian.reporting.domain.ReadPositions;

/** rp_offset (what the tables hold, for a rebuild to compare) and rp_watermark (the freshness reports show). */
@ApplicationScoped
class ReadPositionRows implements ReadPositions {

    @Inject
    EntityManager em;

    @Override
    public void advance(Map<Partition, Long> nextOffsets) {
        Batch.on(em, c -> Batch.update(c, """
                INSERT INTO rp_offset (topic, partition, next_offset) SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = greatest(rp_offset.next_offset, excluded.next_offset)""",
                Batch.texts(c, nextOffsets.keySet().stream().map(Partition::topic).toList()),
                Batch.texts(c, nextOffsets.keySet().stream().map(Partition::partition).toList()),
                Batch.texts(c, nextOffsets.values())));
    }

    @Override
    public void applied(Map<String, OffsetDateTime> latestPerTopic) {
        Batch.on(em, c -> {
            for (Map.Entry<String, OffsetDateTime> w : latestPerTopic.entrySet()) {
                Batch.update(c, """
                        INSERT INTO rp_watermark (topic, last_ce_time, applied_at) VALUES (?, ?::timestamptz, ?::timestamptz)
                        ON CONFLICT (topic) DO UPDATE SET last_ce_time = greatest(rp_watermark.last_ce_time, excluded.last_ce_time),
                          applied_at = excluded.applied_at""",
                        w.getKey(), w.getValue().toString(), OffsetDateTime.now(ZoneOffset.UTC).toString());
            }
            return null;
        });
    }
}
