-- Per township: villages with progress (a plan), of them demonstration villages and those meeting
-- the standard, and the sum of their progress; kept by the recompute that changes them (same
-- transaction, same lock), so that a roll-up sums township rows instead of every village row.
CREATE TABLE rp_township_totals (
    township_code VARCHAR(9)     NOT NULL PRIMARY KEY,
    villages      INT            NOT NULL,
    demonstration INT            NOT NULL,
    meeting       INT            NOT NULL,
    progress_sum  NUMERIC(12, 4) NOT NULL
);
CREATE INDEX rp_township_totals_prefix ON rp_township_totals (township_code varchar_pattern_ops);

INSERT INTO rp_township_totals (township_code, villages, demonstration, meeting, progress_sum)
SELECT substr(p.village_code, 1, 9), count(*), count(*) FILTER (WHERE v.demonstration), count(*) FILTER (WHERE p.meets),
       sum(p.progress)
FROM rp_village_progress p LEFT JOIN rp_village v ON v.code = p.village_code GROUP BY 1;
