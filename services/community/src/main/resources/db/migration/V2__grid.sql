-- The grid (docs/adr/0039-the-grid.md): 十户联防 groups of households with their 户长, and the village's teams.
CREATE TABLE joint_defence_group (
    id               UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    village_code     VARCHAR(12) NOT NULL,
    leader_person_id UUID REFERENCES person (id),
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX joint_defence_group_village ON joint_defence_group (village_code);

-- A household is in at most one group: the primary key holds it when two requests race for the same household.
CREATE TABLE group_household (
    household_id UUID PRIMARY KEY REFERENCES household (id),
    group_id     UUID NOT NULL REFERENCES joint_defence_group (id)
);
CREATE INDEX group_household_group ON group_household (group_id);

-- The village's management, work and volunteer teams (管理队、工作队、志愿队) and who serves in them.
CREATE TABLE team_member (
    village_code VARCHAR(12) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    person_id    UUID        NOT NULL REFERENCES person (id),
    role         VARCHAR(16) NOT NULL,
    PRIMARY KEY (village_code, kind, person_id)
);
