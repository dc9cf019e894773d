-- The work-category catalogue as village-projects publishes it (unit and group never change).
CREATE TABLE replica_category (
    code      VARCHAR(64)  PRIMARY KEY,
    name_zh   VARCHAR(100) NOT NULL,
    name_en   VARCHAR(100) NOT NULL,
    unit      VARCHAR(16)  NOT NULL,
    unit_zh   VARCHAR(8)   NOT NULL,
    grp       VARCHAR(16)  NOT NULL,
    version   BIGINT       NOT NULL,
    ce_time   TIMESTAMPTZ  NOT NULL
);
