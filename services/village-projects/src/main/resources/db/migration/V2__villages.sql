-- A village is also a region (region.level = 'VILLAGE'); this row holds what only villages have.
-- Its name is kept equal to the region's name in the same transaction (village-projects renames both).
CREATE TABLE village (
    code            VARCHAR(12)  PRIMARY KEY REFERENCES region (code) CHECK (code ~ '^[0-9]{12}$'),
    township_code   VARCHAR(9)   NOT NULL REFERENCES region (code) CHECK (township_code = substr(code, 1, 9)),
    name            VARCHAR(100) NOT NULL,
    households      INTEGER      CHECK (households >= 0),
    population      INTEGER      CHECK (population >= 0),
    demonstration   BOOLEAN      NOT NULL DEFAULT FALSE,
    creation_year   INTEGER      CHECK (creation_year BETWEEN 2000 AND 2100),
    creation_batch  VARCHAR(50),
    contact_name    VARCHAR(50),
    contact_phone   VARCHAR(30),
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX village_township ON village (township_code);
CREATE INDEX village_name ON village (name);
CREATE INDEX village_year ON village (creation_year);
