-- The transactional outbox (ADR 0004): a domain change and its event commit together; the relay
-- publishes pending rows and marks them sent. Every service has this table.
CREATE TABLE outbox_event (
    id          BIGSERIAL    PRIMARY KEY,
    ce_id       UUID         NOT NULL UNIQUE,
    ce_type     TEXT         NOT NULL,
    ce_source   TEXT         NOT NULL,
    ce_subject  TEXT,
    ce_time     TIMESTAMPTZ  NOT NULL,
    topic       TEXT         NOT NULL,
    event_key   TEXT         NOT NULL,
    key_bucket  INT          NOT NULL,
    payload     BYTEA        NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (key_bucket, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
