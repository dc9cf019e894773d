-- Events a consumer has applied (ADR 0004). Written in the same transaction as the change the
-- event caused, so a repeated delivery finds its ce_id here and changes nothing.
CREATE TABLE message_log (
    consumer      TEXT         NOT NULL,
    ce_id         UUID         NOT NULL,
    ce_type       TEXT         NOT NULL,
    ce_time       TIMESTAMPTZ  NOT NULL,
    applied_at    TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, ce_id)
);
