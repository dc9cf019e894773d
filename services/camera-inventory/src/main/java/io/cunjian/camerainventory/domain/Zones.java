package io.cunjian.camerainventory.domain;

import java.util.List;
import java.util.Optional;

/** The coverage zones as the use cases reach them (implemented in persistence). */
public interface Zones {

    Optional<ZoneCoverage> withId(long id);

    /** The zone, locked until the transaction ends. */
    Optional<Zone> lockForChange(long id);

    /** Whether another zone of the village ({@code except} aside; null: none) has this name. */
    boolean nameTaken(String villageCode, String name, Long except);

    /** Stores a new zone (uncovered) and returns it with its id. */
    ZoneCoverage add(Zone zone);

    /** Stores the details of a zone locked by {@link #lockForChange}; returns it with its new version. */
    ZoneCoverage save(Zone zone);

    List<ZoneCoverage> matching(ZoneFilter filter, int page, int size);

    long countMatching(ZoneFilter filter);

    /** The village's zones by name. */
    List<ZoneCoverage> inVillage(String villageCode);
}
