package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;

import io.cunjian.chassis.domain.RegionCode;

/** The register of administrative regions, as the region use cases need it. */
public interface Regions {

    Optional<Region> find(RegionCode code);

    /** The region, held until the transaction ends, so that concurrent changes (and their events) queue up. */
    Optional<Region> findForChange(RegionCode code);

    void add(Region region);

    /** Stores a changed region; afterwards its stored version is {@code region.version()}. */
    void update(Region region);

    List<Region> children(RegionCode parent);

    /**
     * Regions whose name contains {@code name}, below {@code within} (a code prefix, may be empty), within
     * any of {@code readable} (the caller's regions), ordered by code, one page at a time.
     */
    List<Region> search(String name, String within, List<String> readable, int page, int size);

    long countSearch(String name, String within, List<String> readable);
}
