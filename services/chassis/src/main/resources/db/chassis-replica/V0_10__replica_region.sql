-- The regions (villages included: level VILLAGE) a service knows from village.events. Services
-- that keep this replica add db/chassis-replica to quarkus.flyway.locations.
CREATE TABLE replica_region (
    code         VARCHAR(12)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    level        VARCHAR(10)  NOT NULL,
    parent_code  VARCHAR(9),
    version      BIGINT       NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX replica_region_parent ON replica_region (parent_code);
