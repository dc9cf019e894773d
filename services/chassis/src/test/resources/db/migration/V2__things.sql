-- Test-only table: the refused calls of UnauthenticatedAccessContract must leave it untouched.
CREATE TABLE thing (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code   TEXT NOT NULL,
    contractor_id TEXT
);
