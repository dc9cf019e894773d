-- Photo evidence (ADR 0008): the image bytes in PostgreSQL with the order they belong to, what was
-- read from their EXIF data, and the flags raised against them.
CREATE TABLE work_order_photo (
    id             UUID          PRIMARY KEY,
    order_id       UUID          NOT NULL REFERENCES work_order (id),
    content_type   VARCHAR(32)   NOT NULL,
    size_bytes     INTEGER       NOT NULL CHECK (size_bytes > 0),
    sha256         VARCHAR(64)   NOT NULL,
    file_name      VARCHAR(255),
    data           BYTEA         NOT NULL,
    uploaded_by    VARCHAR(255)  NOT NULL,
    uploaded_at    TIMESTAMPTZ   NOT NULL,
    taken_at       TIMESTAMPTZ,
    latitude       NUMERIC(9, 6),
    longitude      NUMERIC(9, 6),
    flags          VARCHAR(200)  NOT NULL DEFAULT ''
);
CREATE INDEX work_order_photo_order ON work_order_photo (order_id);
