-- A village's coverage zones and how many are covered, as camera-inventory's zone events state them
-- after each change (villageZones, villageCoveredZones): reporting takes coverage from the producer
-- that owns the rule instead of counting its own copy of the zones.
CREATE TABLE rp_village_zones (
    village_code  VARCHAR(12) NOT NULL PRIMARY KEY,
    zones         INT         NOT NULL,
    covered_zones INT         NOT NULL
);

-- the villages known so far, from the zones stored until now (the next zone event states the counts)
INSERT INTO rp_village_zones (village_code, zones, covered_zones)
SELECT village_code, count(*), count(*) FILTER (WHERE covered) FROM rp_zone GROUP BY village_code;
