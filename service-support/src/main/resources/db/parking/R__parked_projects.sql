-- Owned by service-support: each service that parks projects lists classpath:db/parking among its Flyway
-- locations. Repeatable (no version), so it never collides with a service's own numbered migrations;
-- it must stay safe to run again.
CREATE TABLE IF NOT EXISTS parked_project (
    consumer    text        NOT NULL,
    project_id  text        NOT NULL,
    position    bigint      NOT NULL,
    event_id    text,
    reason      text        NOT NULL,
    parked_at   timestamptz NOT NULL,
    PRIMARY KEY (consumer, project_id)
);
-- each consumer's list, paged the longest parked first
CREATE INDEX IF NOT EXISTS parked_project_by_time ON parked_project (consumer, parked_at, project_id);

-- What a consumer that cannot read its source again (the alert service's signal changes) received for a
-- parked project, to apply in order when the project is retried.
CREATE TABLE IF NOT EXISTS held_message (
    consumer    text        NOT NULL,
    project_id  text        NOT NULL,
    seq         bigserial,
    body        bytea       NOT NULL,
    held_at     timestamptz NOT NULL,
    PRIMARY KEY (consumer, project_id, seq)
);
