package io.cunjian.reporting.persistence;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.cunjian.chassis.json.JsonText;
import io.cunjian.reporting.domain.Fact;
import io.cunjian.reporting.domain.ProgressFacts;

/** The facts progress is computed from, in reporting's tables (V2__progress.sql). */
@ApplicationScoped
class StoredFacts implements ProgressFacts {

    /** The village's counts after the latest zone event (events of a village arrive in order: its code is their key). */
    private static final String VILLAGE_ZONES = """
            INSERT INTO rp_village_zones (village_code, zones, covered_zones) VALUES (:village, :zones, :coveredZones)
            ON CONFLICT (village_code) DO UPDATE SET zones = excluded.zones, covered_zones = excluded.covered_zones""";

    @Inject
    EntityManager em;

    @Override
    public void recordRegion(Fact.RegionChanged change, OffsetDateTime at) {
        execute("""
                INSERT INTO report_region_history (code, ce_type, name, version, ce_time)
                VALUES (:code, :type, :name, :version, :time)""",
                Map.of("code", change.code(), "type", change.eventType(), "name", change.name(), "version", change.version(),
                        "time", at));
    }

    @Override
    public boolean recordVillage(Fact.VillageRecorded v) {
        return execute("""
                INSERT INTO rp_village (code, name, township_code, demonstration, version)
                VALUES (:code, :name, :township, :demonstration, :version)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, township_code = excluded.township_code,
                  demonstration = excluded.demonstration, version = excluded.version
                WHERE rp_village.version < excluded.version""",
                Map.of("code", v.code(), "name", v.name(), "township", v.townshipCode(), "demonstration", v.demonstration(),
                        "version", v.version())) > 0;
    }

    @Override
    public void defineCategory(Fact.CategoryDefined c) {
        execute("""
                INSERT INTO rp_category (code, name_zh, name_en, unit, work_group, version)
                VALUES (:code, :zh, :en, :unit, :group, :version) ON CONFLICT (code) DO NOTHING""",
                Map.of("code", c.code(), "zh", c.nameZh(), "en", c.nameEn(), "unit", c.unit(), "group", c.group(),
                        "version", c.version()));
    }

    @Override
    public void renameCategory(Fact.CategoryRenamed c) {
        execute("""
                UPDATE rp_category SET name_zh = :zh, name_en = :en, version = :version
                WHERE code = :code AND version < :version""",
                Map.of("code", c.code(), "zh", c.nameZh(), "en", c.nameEn(), "version", c.version()));
    }

    @Override
    public List<String> publishStandard(Fact.StandardPublished s) {
        int inserted = execute("""
                INSERT INTO rp_standard (id, scope, name_zh, name_en, illustrative, items)
                VALUES (:id, :scope, :zh, :en, :illustrative, :items) ON CONFLICT (id) DO NOTHING""",
                Map.of("id", s.id(), "scope", s.scope(), "zh", s.nameZh(), "en", s.nameEn(), "illustrative", s.illustrative(),
                        "items", JsonText.write(s.items())));
        if (inserted == 0) {
            return List.of();
        }
        return em.createNativeQuery("SELECT village_code FROM rp_plan WHERE standard_id = :id ORDER BY 1", String.class)
                .setParameter("id", s.id()).getResultList();
    }

    @Override
    public boolean recordPlan(Fact.PlanSet p) {
        return execute("""
                INSERT INTO rp_plan (village_code, revision, standard_id, deadline, work_targets, coverage_targets)
                VALUES (:village, :revision, :standard, CAST(:deadline AS date), :work, :coverage)
                ON CONFLICT (village_code) DO UPDATE SET revision = excluded.revision, standard_id = excluded.standard_id,
                  deadline = excluded.deadline, work_targets = excluded.work_targets, coverage_targets = excluded.coverage_targets
                WHERE rp_plan.revision < excluded.revision""",
                params("village", p.villageCode(), "revision", p.revision(), "standard", p.standardId(),
                        "deadline", p.deadline() == null ? null : p.deadline().toString(), "work", JsonText.write(p.workTargets()),
                        "coverage", JsonText.write(p.coverageTargets()))) > 0;
    }

    @Override
    public boolean recordInspection(Fact.InspectionRecorded i, OffsetDateTime at) {
        return execute("""
                INSERT INTO rp_inspection (village_code, item_code, verdict, inspected_on, ce_time)
                VALUES (:village, :item, :verdict, CAST(:on AS date), :time)
                ON CONFLICT (village_code, item_code) DO UPDATE SET verdict = excluded.verdict,
                  inspected_on = excluded.inspected_on, ce_time = excluded.ce_time
                WHERE (rp_inspection.inspected_on, rp_inspection.ce_time) < (excluded.inspected_on, excluded.ce_time)""",
                Map.of("village", i.villageCode(), "item", i.itemCode(), "verdict", i.verdict(),
                        "on", i.inspectedOn().toString(), "time", at)) > 0;
    }

    /** The zone (for the blind-zone list) and the village's counts (for coverage), in one statement. */
    @Override
    public void recordZone(Fact.ZoneDescribed z) {
        execute("""
                WITH zone AS (
                  INSERT INTO rp_zone (zone_id, village_code, name, covered) VALUES (:zone, :village, :name, :covered)
                  ON CONFLICT (zone_id) DO UPDATE SET name = excluded.name, covered = excluded.covered)
                """ + VILLAGE_ZONES,
                Map.of("zone", z.zoneId(), "village", z.villageCode(), "name", z.name(), "covered", z.covered(),
                        "zones", z.villageZones(), "coveredZones", z.villageCoveredZones()));
    }

    @Override
    public void recordZoneCoverage(Fact.ZoneCoverageChanged z) {
        execute("""
                WITH zone AS (
                  INSERT INTO rp_zone (zone_id, village_code, name, covered) VALUES (:zone, :village, :name, :covered)
                  ON CONFLICT (zone_id) DO UPDATE SET covered = excluded.covered)
                """ + VILLAGE_ZONES,
                Map.of("zone", z.zoneId(), "village", z.villageCode(), "name", z.zoneName(), "covered", z.covered(),
                        "zones", z.villageZones(), "coveredZones", z.villageCoveredZones()));
    }

    @Override
    public void recordCamera(Fact.CameraRecorded c) {
        execute("""
                INSERT INTO rp_camera (serial, village_code, lifecycle) VALUES (:serial, :village, :lifecycle)
                ON CONFLICT (serial) DO UPDATE SET village_code = excluded.village_code, lifecycle = excluded.lifecycle""",
                Map.of("serial", c.serial(), "village", c.villageCode(), "lifecycle", c.lifecycle()));
    }

    @Override
    public void recordCameraLifecycle(Fact.CameraLifecycleChanged c) {
        execute("""
                INSERT INTO rp_camera (serial, village_code, lifecycle) VALUES (:serial, :village, :lifecycle)
                ON CONFLICT (serial) DO UPDATE SET lifecycle = excluded.lifecycle""",
                Map.of("serial", c.serial(), "village", c.villageCode(), "lifecycle", c.lifecycle()));
    }

    @Override
    public void recordOnline(List<Fact.CameraOnlineChanged> lastStates) {
        Batch.on(em, c -> Batch.update(c, """
                INSERT INTO rp_camera (serial, village_code, lifecycle, online)
                SELECT serial, village, 'INSTALLED', online FROM unnest(?::text[], ?::text[], ?::boolean[]) AS t(serial, village, online)
                ON CONFLICT (serial) DO UPDATE SET online = excluded.online""",
                Batch.texts(c, lastStates.stream().map(Fact.CameraOnlineChanged::serial).toList()),
                Batch.texts(c, lastStates.stream().map(Fact.CameraOnlineChanged::villageCode).toList()),
                Batch.texts(c, lastStates.stream().map(Fact.CameraOnlineChanged::online).toList())));
    }

    private int execute(String sql, Map<String, ?> parameters) {
        Query q = em.createNativeQuery(sql);
        parameters.forEach(q::setParameter);
        return q.executeUpdate();
    }

    /** Map.of refuses nulls; several facts are optional. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
