-- The trace context of the request that wrote the row (W3C traceparent text, ADR 0023): the relay
-- continues that trace when it publishes the row, and sends it on as the CloudEvents traceparent.
-- Null for rows written outside any trace and for rows written before this column existed.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
