package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;

/**
 * An event as it arrived: where it was read (so that a rebuild knows when it has caught up), when
 * it happened, and what it tells reporting — {@code null} for an event reporting does not need,
 * which still counts as read.
 *
 * @param topic the topic without a test prefix, as reports name it ({@code village.events})
 * @param source the topic as it was read, with any prefix
 */
public record Arrival(String topic, String source, int partition, long offset, OffsetDateTime time, Fact fact) {
}
