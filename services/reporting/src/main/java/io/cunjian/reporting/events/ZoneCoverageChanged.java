package io.cunjian.reporting.events;

/** {@code cunjian.camera.zone-coverage-changed.v1}: a zone became covered or uncovered, and why. */
public record ZoneCoverageChanged(String villageCode, long zoneId, String zoneName, boolean covered, String cause,
        int villageZones, int villageCoveredZones) {
}
