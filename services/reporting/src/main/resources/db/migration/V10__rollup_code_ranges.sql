-- The city roll-up selects a region's rows by a range of codes in byte order (code >= '2299' AND
-- code < '229:', COLLATE "C") instead of LIKE '2299%': a range of parameters can be planned once
-- for every region (a prepared statement's generic plan), where LIKE with a parameter either
-- cannot use an index or has the statement planned again on each request. Byte order is the
-- order of these indexes whatever the database's collation.
CREATE INDEX rp_township_totals_range ON rp_township_totals (township_code COLLATE "C");
CREATE INDEX rp_township_item_range ON rp_township_item (township_code COLLATE "C");
CREATE INDEX rp_township_open_orders_range ON rp_township_open_orders (township_code COLLATE "C", due_date);
CREATE INDEX rp_village_progress_laggards ON rp_village_progress (village_code COLLATE "C") WHERE NOT meets;
CREATE INDEX rp_zone_blind_range ON rp_zone (village_code COLLATE "C") WHERE NOT covered;
