-- Households and their members (docs/adr/0038-personal-data-in-community.md). Villages come from the replica
-- (replica_region, chassis): a household's village must be known there when it is registered.
-- Ids are random UUIDs: an id tells nothing and cannot be guessed from another (docs/adr/0038).
-- Only what the features need: no identity-card number, no phone, no birth date; children under 14 are not recorded.
CREATE TABLE household (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    village_code VARCHAR(12)  NOT NULL,
    address      VARCHAR(100) NOT NULL,
    size         INTEGER      NOT NULL CHECK (size BETWEEN 1 AND 50),
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- one household per house number or address in a village
    CONSTRAINT household_address UNIQUE (village_code, address)
);

-- A person as far as the service needs one: a name and the relation to the household's 户主. The name is
-- null once erased; the row stays so that what refers to it (groups, teams, later the points ledger) keeps its id.
CREATE TABLE person (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    household_id UUID         NOT NULL REFERENCES household (id),
    village_code VARCHAR(12)  NOT NULL,
    name         VARCHAR(50),
    relation     VARCHAR(16)  NOT NULL,
    erased_at    TIMESTAMPTZ,
    version      BIGINT       NOT NULL DEFAULT 0,
    CHECK ((name IS NULL) = (erased_at IS NOT NULL))
);
CREATE INDEX person_household ON person (household_id);
-- a household has one 户主
CREATE UNIQUE INDEX person_one_head ON person (household_id) WHERE relation = 'HEAD';

-- Who did what to whose personal data, and when; rows are only ever added.
CREATE TABLE personal_data_audit (
    id           BIGSERIAL PRIMARY KEY,
    person_id    UUID         NOT NULL REFERENCES person (id),
    village_code VARCHAR(12)  NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    fields       VARCHAR(200) NOT NULL,
    actor        VARCHAR(255) NOT NULL,
    at           TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX personal_data_audit_person ON personal_data_audit (person_id);
