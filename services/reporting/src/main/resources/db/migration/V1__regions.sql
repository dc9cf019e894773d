-- Regions as reporting knows them from village.events, and every change to them as it arrived.
CREATE TABLE report_region (
    code         VARCHAR(12)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    level        VARCHAR(10)  NOT NULL,
    parent_code  VARCHAR(9),
    version      BIGINT       NOT NULL
);
CREATE TABLE report_region_history (
    id           BIGSERIAL    PRIMARY KEY,
    code         VARCHAR(12)  NOT NULL,
    ce_type      TEXT         NOT NULL,
    name         VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_region_history_code ON report_region_history (code, ce_time);
