-- Roll-ups kept up to date in the transaction that changes what they count, so that a city's
-- roll-up sums township rows instead of aggregating every item and order row per request.
-- Per township, standard version and item: villages following it with a plan, and those meeting it.
CREATE TABLE rp_township_item (
    township_code VARCHAR(9)  NOT NULL,
    standard_id   VARCHAR(50) NOT NULL,
    item_code     VARCHAR(50) NOT NULL,
    item_position INT         NOT NULL,
    villages      INT         NOT NULL,
    met           INT         NOT NULL,
    PRIMARY KEY (township_code, standard_id, item_code)
);
-- Per township and due date: work orders still open (not completed, verified or cancelled).
CREATE TABLE rp_township_open_orders (
    township_code VARCHAR(9) NOT NULL,
    due_date      DATE       NOT NULL,
    open_orders   INT        NOT NULL,
    PRIMARY KEY (township_code, due_date)
);
CREATE INDEX rp_township_item_prefix ON rp_township_item (township_code varchar_pattern_ops);
CREATE INDEX rp_township_open_orders_prefix ON rp_township_open_orders (township_code varchar_pattern_ops, due_date);

INSERT INTO rp_township_item (township_code, standard_id, item_code, item_position, villages, met)
SELECT substr(village_code, 1, 9), standard_id, item_code, min(item_position), count(*), count(*) FILTER (WHERE status = 'MET')
FROM rp_item_progress GROUP BY 1, 2, 3;
INSERT INTO rp_township_open_orders (township_code, due_date, open_orders)
SELECT substr(village_code, 1, 9), due_date, count(*) FROM rp_work_order
WHERE due_date IS NOT NULL AND status NOT IN ('COMPLETED', 'VERIFIED', 'CANCELLED') GROUP BY 1, 2;
