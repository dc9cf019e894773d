-- What one create-work-order writes at the least: the order and its outbox row, in one transaction.
BEGIN;
INSERT INTO work_order (id, village_code, category_code, unit, title, planned_quantity, due_date, priority, status, created_by, version)
  VALUES (gen_random_uuid(), '220382399001', 'street-lamp-repair', 'LAMP', '基准测试路灯维修', 3, current_date, 'NORMAL', 'DRAFT', 'bench', 0);
INSERT INTO outbox_event (ce_id, ce_type, ce_source, ce_time, topic, event_key, key_bucket, payload)
  VALUES (gen_random_uuid(), 'cunjian.workorder.created.v1', 'work-orders', now(), 'workorder.events', '220382399001', 7,
          convert_to('{"orderId":"bench","villageCode":"220382399001"}', 'UTF8'));
END;
