package io.cunjian.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the facts a village's progress is computed from are kept, one statement each. Facts are
 * stored whatever order they arrive in; an older version of something changes nothing.
 */
public interface ProgressFacts {

    void recordRegion(Fact.RegionChanged change, OffsetDateTime at);

    /** @return whether the stored village changed */
    boolean recordVillage(Fact.VillageRecorded village);

    void defineCategory(Fact.CategoryDefined category);

    void renameCategory(Fact.CategoryRenamed category);

    /** @return the villages whose plan was waiting for this standard version; none when it was known already */
    List<String> publishStandard(Fact.StandardPublished standard);

    /** @return whether the stored plan changed */
    boolean recordPlan(Fact.PlanSet plan);

    /** @return whether the village's latest verdict on the item changed */
    boolean recordInspection(Fact.InspectionRecorded inspection, OffsetDateTime at);

    void recordZone(Fact.ZoneDescribed zone);

    void recordZoneCoverage(Fact.ZoneCoverageChanged coverage);

    void recordCamera(Fact.CameraRecorded camera);

    void recordCameraLifecycle(Fact.CameraLifecycleChanged change);

    /** The last state of each camera of a batch, in serial order, in one statement. */
    void recordOnline(List<Fact.CameraOnlineChanged> lastStates);
}
