package io.cunjian.reporting.events;

/** {@code cunjian.region.registered.v1}: a region of the statistical division, at its own level. */
public record RegionRegistered(String code, String name, String level, String parentCode, long version) {
}
