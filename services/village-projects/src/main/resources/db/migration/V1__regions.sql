CREATE TABLE region (
    code         VARCHAR(12)  PRIMARY KEY CHECK (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
    name         VARCHAR(100) NOT NULL,
    level        VARCHAR(10)  NOT NULL,
    parent_code  VARCHAR(9)   REFERENCES region (code),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX region_parent ON region (parent_code);
CREATE INDEX region_name ON region (name);
