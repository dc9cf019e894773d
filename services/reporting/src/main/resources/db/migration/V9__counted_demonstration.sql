-- Township totals are now kept by adding what each batch changed (ADR 0030) instead of counting a
-- township's villages again under one lock for all batches. To add the change in demonstration
-- villages, a village's progress row says whether the totals counted it as one; a change in the
-- village's flag is then the difference from what was counted. The totals are counted once more
-- here, from the same rows, so that they start equal to them.
ALTER TABLE rp_village_progress ADD COLUMN demonstration BOOLEAN NOT NULL DEFAULT false;

UPDATE rp_village_progress p SET demonstration = v.demonstration FROM rp_village v WHERE v.code = p.village_code;

DELETE FROM rp_township_totals;
INSERT INTO rp_township_totals (township_code, villages, demonstration, meeting, progress_sum)
SELECT substr(village_code, 1, 9), count(*), count(*) FILTER (WHERE demonstration), count(*) FILTER (WHERE meets),
       sum(progress)
FROM rp_village_progress GROUP BY 1;
