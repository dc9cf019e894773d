-- The work-category catalogue. unit and work_group never change (no code path updates them).
CREATE TABLE work_category (
    code        VARCHAR(50)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    name_zh     VARCHAR(50)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    unit        VARCHAR(10)  NOT NULL CHECK (unit IN ('LAMP', 'PIECE', 'METRE', 'PLANT', 'JIN', 'SITE', 'SET', 'BOARD', 'BENCH')),
    work_group  VARCHAR(10)  NOT NULL CHECK (work_group IN ('LIGHTING', 'ROAD', 'GREENING', 'AMENITY')),
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX work_category_group ON work_category (work_group);
