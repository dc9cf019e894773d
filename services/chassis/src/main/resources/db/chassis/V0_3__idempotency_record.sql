-- First answers to requests that carried an Idempotency-Key (chassis, docs/adr/0002-idempotency-keys.md).
create table idempotency_record (
    scope_hash      char(64)    primary key, -- sha-256 of caller, method, path and key
    caller          text        not null,
    method          text        not null,
    path            text        not null,
    idempotency_key text        not null,
    request_hash    char(64)    not null,    -- sha-256 of the request's parameters as canonical JSON
    status          smallint    not null,
    headers         jsonb       not null,
    body            text,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);

create index idempotency_record_expires_at on idempotency_record (expires_at);
