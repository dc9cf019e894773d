package io.cunjian.camerainventory.domain;

import java.util.List;
import java.util.Map;

/**
 * A village's coverage as stored now: its zones (each covered or blind as last recomputed), its cameras by
 * lifecycle, and how many cameras watch their zone ({@link CoverageRule#watches}).
 */
public record VillageCoverage(String villageCode, List<ZoneCoverage> zones, Map<String, Integer> camerasByLifecycle,
        int watchingCameras) {

    public int coveredZones() {
        return (int) zones.stream().filter(ZoneCoverage::covered).count();
    }

    /** Covered zones / zones; 0 for a village without zones. */
    public double coverage() {
        return zones.isEmpty() ? 0.0 : (double) coveredZones() / zones.size();
    }

    /** The zones no camera watches (盲区), by name. */
    public List<Zone> blindZones() {
        return zones.stream().filter(z -> !z.covered()).map(ZoneCoverage::zone).toList();
    }
}
