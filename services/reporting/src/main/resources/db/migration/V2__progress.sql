-- Read models of reporting, built only from events. Each fact is kept as it arrived, whatever
-- order the topics deliver it in (a work order before its village, a plan before its standard):
-- progress is computed from what is there, and again whenever a missing piece arrives.
CREATE TABLE rp_village (
    code          VARCHAR(12)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    township_code VARCHAR(9)   NOT NULL,
    demonstration BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE TABLE rp_category (
    code       VARCHAR(50)  PRIMARY KEY,
    name_zh    VARCHAR(50)  NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    unit       VARCHAR(10)  NOT NULL,
    work_group VARCHAR(10)  NOT NULL,
    version    BIGINT       NOT NULL
);
-- items: the JSON array of cunjian.standard.published.v1
CREATE TABLE rp_standard (
    id           VARCHAR(50)  PRIMARY KEY,
    scope        VARCHAR(12)  NOT NULL,
    name_zh      VARCHAR(100) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    illustrative BOOLEAN      NOT NULL,
    items        TEXT         NOT NULL
);
CREATE TABLE rp_plan (
    village_code     VARCHAR(12) PRIMARY KEY,
    revision         INT         NOT NULL,
    standard_id      VARCHAR(50) NOT NULL,
    deadline         DATE,
    work_targets     TEXT        NOT NULL,
    coverage_targets TEXT        NOT NULL
);
CREATE INDEX rp_plan_standard ON rp_plan (standard_id);
-- the latest inspection per item (latest inspected_on, then latest ce_time)
CREATE TABLE rp_inspection (
    village_code VARCHAR(12) NOT NULL,
    item_code    VARCHAR(50) NOT NULL,
    verdict      VARCHAR(4)  NOT NULL,
    inspected_on DATE        NOT NULL,
    ce_time      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (village_code, item_code)
);
CREATE TABLE rp_work_order (
    order_id          VARCHAR(64)    PRIMARY KEY,
    village_code      VARCHAR(12)    NOT NULL,
    category_code     VARCHAR(50)    NOT NULL,
    unit              VARCHAR(10)    NOT NULL,
    status            VARCHAR(12)    NOT NULL,
    planned_quantity  NUMERIC(14, 2) NOT NULL,
    verified_quantity NUMERIC(14, 2),
    due_date          DATE,
    version           BIGINT         NOT NULL
);
CREATE INDEX rp_work_order_village ON rp_work_order (village_code, category_code);
CREATE TABLE rp_zone (
    zone_id      BIGINT       PRIMARY KEY,
    village_code VARCHAR(12)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    covered      BOOLEAN      NOT NULL
);
CREATE INDEX rp_zone_village ON rp_zone (village_code);
CREATE TABLE rp_camera (
    serial       VARCHAR(100) PRIMARY KEY,
    village_code VARCHAR(12)  NOT NULL,
    lifecycle    VARCHAR(20)  NOT NULL,
    online       BOOLEAN      NOT NULL DEFAULT false
);
CREATE INDEX rp_camera_village ON rp_camera (village_code);

-- Computed: per village and item, and per village; since = when the status last changed (ce_time).
CREATE TABLE rp_item_progress (
    village_code VARCHAR(12)   NOT NULL,
    item_code    VARCHAR(50)   NOT NULL,
    standard_id  VARCHAR(50)   NOT NULL,
    item_position INT          NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    progress     NUMERIC(6, 4) NOT NULL,
    figures      TEXT          NOT NULL,
    since        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (village_code, item_code)
);
CREATE TABLE rp_village_progress (
    village_code VARCHAR(12)   PRIMARY KEY,
    standard_id  VARCHAR(50)   NOT NULL,
    progress     NUMERIC(6, 4) NOT NULL,
    meets        BOOLEAN       NOT NULL,
    items_met    INT           NOT NULL,
    items_total  INT           NOT NULL,
    since        TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
-- Every change of a village's figures, stamped with the ce_time of the event that caused it:
-- "as of" a day reads the last row up to the end of that day.
CREATE TABLE rp_village_progress_history (
    id           BIGSERIAL     PRIMARY KEY,
    village_code VARCHAR(12)   NOT NULL,
    ce_time      TIMESTAMPTZ   NOT NULL,
    standard_id  VARCHAR(50)   NOT NULL,
    progress     NUMERIC(6, 4) NOT NULL,
    meets        BOOLEAN       NOT NULL,
    items        TEXT          NOT NULL
);
CREATE INDEX rp_village_progress_history_at ON rp_village_progress_history (village_code, ce_time);

-- Freshness: per topic, the ce_time of the last event applied and when it was applied.
CREATE TABLE rp_watermark (
    topic        VARCHAR(100) PRIMARY KEY,
    last_ce_time TIMESTAMPTZ  NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL
);
