-- Test-only table behind io.cunjian.chassis.fixture.TestVillage.
create table test_village (
    code       varchar(12) primary key,
    name       text        not null,
    households integer     not null,
    phone      text,
    kind       text        not null,
    created_at timestamptz not null,
    version    bigint      not null
);
