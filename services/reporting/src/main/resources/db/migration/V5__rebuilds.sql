-- Online rebuilds (ADR 0010): the read models are rebuilt from offset zero into a schema of their
-- own and swapped into public when caught up. rp_offset tells whether the new tables hold every
-- event the live ones do: per topic partition, the offset after the last event applied.
CREATE TABLE rp_offset (
    topic       VARCHAR(200) NOT NULL,
    partition   INT          NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Not a read model: survives the swap. At most one rebuild runs at a time, whichever instance runs it.
CREATE TABLE rp_rebuild (
    id           BIGSERIAL    PRIMARY KEY,
    state        VARCHAR(12)  NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    caught_up_at TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    events       BIGINT       NOT NULL DEFAULT 0,
    repeats      BIGINT       NOT NULL DEFAULT 0,
    unreadable   BIGINT       NOT NULL DEFAULT 0,
    error        TEXT
);
CREATE UNIQUE INDEX rp_rebuild_one_running ON rp_rebuild ((true)) WHERE state = 'BUILDING';
