-- Standard versions: drafts are edited, published ones are frozen (no code path changes them).
-- items is the JSON array of the version's items; it is read and written whole.
CREATE TABLE standard_version (
    id           VARCHAR(50)  PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    scope        VARCHAR(12)  NOT NULL CHECK (scope ~ '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$'),
    name_zh      VARCHAR(100) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    illustrative BOOLEAN      NOT NULL,
    based_on     VARCHAR(50)  REFERENCES standard_version (id),
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    items        TEXT         NOT NULL,
    published_at TIMESTAMPTZ,
    published_by VARCHAR(200),
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A village's current creation plan; every revision (the current one included) is in plan_revision.
-- work_targets and coverage_targets are JSON arrays.
CREATE TABLE creation_plan (
    village_code     VARCHAR(12)  PRIMARY KEY REFERENCES village (code),
    standard_id      VARCHAR(50)  NOT NULL REFERENCES standard_version (id),
    deadline         DATE,
    work_targets     TEXT         NOT NULL,
    coverage_targets TEXT         NOT NULL,
    revision         INT          NOT NULL CHECK (revision >= 1),
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL,
    note             VARCHAR(500)
);
CREATE INDEX creation_plan_standard ON creation_plan (standard_id);

CREATE TABLE plan_revision (
    village_code     VARCHAR(12)  NOT NULL REFERENCES village (code),
    revision         INT          NOT NULL,
    standard_id      VARCHAR(50)  NOT NULL REFERENCES standard_version (id),
    deadline         DATE,
    work_targets     TEXT         NOT NULL,
    coverage_targets TEXT         NOT NULL,
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL,
    note             VARCHAR(500),
    PRIMARY KEY (village_code, revision)
);

-- Inspections are only ever added; the latest per (village, item) counts.
CREATE TABLE inspection (
    id           UUID          PRIMARY KEY,
    village_code VARCHAR(12)   NOT NULL REFERENCES village (code),
    standard_id  VARCHAR(50)   NOT NULL REFERENCES standard_version (id),
    item_code    VARCHAR(50)   NOT NULL,
    verdict      VARCHAR(4)    NOT NULL CHECK (verdict IN ('PASS', 'FAIL')),
    inspected_on DATE          NOT NULL,
    inspector    VARCHAR(200)  NOT NULL,
    notes        VARCHAR(2000),
    photos       TEXT          NOT NULL,
    recorded_by  VARCHAR(200)  NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX inspection_latest ON inspection (village_code, item_code, inspected_on DESC, recorded_at DESC);
