package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/** Recomputes villages' progress from their stored facts, the same statements for one village or a thousand. */
public interface VillageRecompute {

    /** @param touched village → the time of its latest event applied (when a changed status began) */
    void recompute(Map<String, OffsetDateTime> touched);
}
