package io.cunjian.reporting.events;

/**
 * {@code cunjian.camera.zone-defined.v1} and {@code cunjian.camera.zone-changed.v1}: a coverage zone
 * after the change, with the village's count of zones and of covered zones.
 */
public record ZoneDefined(long zoneId, String villageCode, String name, String kind, GeoPoint centre, boolean covered,
        long version, int villageZones, int villageCoveredZones) {
}
