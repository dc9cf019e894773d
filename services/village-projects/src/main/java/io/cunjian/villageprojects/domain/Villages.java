package io.cunjian.villageprojects.domain;

import java.util.List;
import java.util.Optional;

import io.cunjian.chassis.domain.RegionCode;

/** The register of villages, as the village, plan and inspection use cases need it. */
public interface Villages {

    /** The filters of a village list; null or empty means "any"; {@code regions}: the caller's region prefixes. */
    record Filter(List<String> regions, String within, String name, Boolean demonstration, Integer year) {
    }

    Optional<Village> find(RegionCode code);

    boolean exists(RegionCode code);

    /**
     * The village, held until the transaction ends: changes to a village and to its plan are made one at a
     * time, so revisions and events follow each other in order.
     */
    Optional<Village> findForChange(RegionCode code);

    void add(Village village);

    /** Stores changed details; afterwards the stored version is {@code village.version()}. */
    void update(Village village);

    List<Village> search(Filter filter, int page, int size);

    long countSearch(Filter filter);
}
