package io.cunjian.reporting.events;

/** {@code cunjian.region.renamed.v1}. */
public record RegionRenamed(String code, String name, String previousName, long version) {
}
