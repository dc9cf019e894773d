-- Contractors (施工单位): companies identified by their 18-character unified social credit code
-- (统一社会信用代码, GB 32100-2015), which is also the contractor_id claim of their tokens.
CREATE TABLE contractor (
    id             VARCHAR(18)  PRIMARY KEY CHECK (id ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
    name           VARCHAR(200) NOT NULL,
    contact_name   VARCHAR(50),
    contact_phone  VARCHAR(30),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX contractor_name ON contractor (name);
