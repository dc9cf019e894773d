-- Verified quantities per village and category, kept by the projection as orders are verified or
-- corrected, so that a village's recompute reads one row per category instead of summing every
-- order of the village (a replay recomputes a thousand villages per batch).
CREATE TABLE rp_village_verified (
    village_code  VARCHAR(12)    NOT NULL,
    category_code VARCHAR(50)    NOT NULL,
    quantity      NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (village_code, category_code)
);
INSERT INTO rp_village_verified (village_code, category_code, quantity)
SELECT village_code, category_code, sum(verified_quantity) FROM rp_work_order
WHERE status = 'VERIFIED' AND verified_quantity IS NOT NULL GROUP BY 1, 2;
