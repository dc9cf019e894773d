-- Roll-ups select villages by code prefix (LIKE '2203%'): pattern-ops indexes let PostgreSQL use
-- a range scan whatever the database's collation. Open orders have their own small index for "overdue".
CREATE INDEX rp_village_progress_prefix ON rp_village_progress (village_code varchar_pattern_ops);
CREATE INDEX rp_item_progress_prefix ON rp_item_progress (village_code varchar_pattern_ops, standard_id, item_code);
CREATE INDEX rp_zone_blind ON rp_zone (village_code varchar_pattern_ops) WHERE NOT covered;
CREATE INDEX rp_work_order_open ON rp_work_order (village_code varchar_pattern_ops, due_date)
    WHERE status NOT IN ('COMPLETED', 'VERIFIED', 'CANCELLED');
CREATE INDEX rp_village_progress_history_prefix ON rp_village_progress_history (village_code varchar_pattern_ops, ce_time);
