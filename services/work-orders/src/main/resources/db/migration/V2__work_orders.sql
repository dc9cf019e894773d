-- Work orders and their transition history. Quantities are in the category's unit (copied from the
-- category replica at creation: a category's unit never changes).
CREATE TABLE work_order (
    id                 UUID          PRIMARY KEY,
    village_code       VARCHAR(12)   NOT NULL CHECK (village_code ~ '^[0-9]{12}$'),
    category_code      VARCHAR(64)   NOT NULL,
    unit               VARCHAR(16)   NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    description        VARCHAR(4000),
    location_text      VARCHAR(500),
    latitude           NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude          NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    planned_quantity   NUMERIC(15, 3) NOT NULL CHECK (planned_quantity > 0),
    due_date           DATE,
    priority           VARCHAR(10)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    contractor_id      VARCHAR(18)   REFERENCES contractor (id),
    actual_quantity    NUMERIC(15, 3) CHECK (actual_quantity >= 0),
    completed_at       TIMESTAMPTZ,
    completion_notes   VARCHAR(2000),
    verified_quantity  NUMERIC(15, 3) CHECK (verified_quantity >= 0),
    verified_by        VARCHAR(255),
    verified_at        TIMESTAMPTZ,
    created_by         VARCHAR(255)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version            BIGINT        NOT NULL
);
CREATE INDEX work_order_village ON work_order (village_code);
CREATE INDEX work_order_status ON work_order (status);
CREATE INDEX work_order_contractor ON work_order (contractor_id);
CREATE INDEX work_order_category ON work_order (category_code);
CREATE INDEX work_order_due ON work_order (due_date);

-- Every change of state (and every correction of a verified quantity), never updated or deleted.
CREATE TABLE work_order_transition (
    id                 BIGSERIAL     PRIMARY KEY,
    order_id           UUID          NOT NULL REFERENCES work_order (id),
    at                 TIMESTAMPTZ   NOT NULL DEFAULT now(),
    actor              VARCHAR(255)  NOT NULL,
    from_status        VARCHAR(16),
    to_status          VARCHAR(16)   NOT NULL,
    event_type         VARCHAR(64)   NOT NULL,
    note               VARCHAR(2000),
    previous_quantity  NUMERIC(15, 3),
    new_quantity       NUMERIC(15, 3)
);
CREATE INDEX work_order_transition_order ON work_order_transition (order_id, id);

-- The photos a completion names (at least one).
CREATE TABLE work_order_completion_photo (
    order_id   UUID NOT NULL REFERENCES work_order (id),
    photo_id   UUID NOT NULL,
    PRIMARY KEY (order_id, photo_id)
);
