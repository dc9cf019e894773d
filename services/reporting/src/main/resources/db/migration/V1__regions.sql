-- Every change to a region as it arrived (the regions themselves: the chassis replica, replica_region).
CREATE TABLE report_region_history (
    id           BIGSERIAL    PRIMARY KEY,
    code         VARCHAR(12)  NOT NULL,
    ce_type      TEXT         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_region_history_code ON report_region_history (code, ce_time);
