-- The register of projects, kept in the same transaction as the events that change it, so a
-- listing never disagrees with the record and a project code can be registered only once.
CREATE TABLE project_listing (
    project_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    code               VARCHAR(64)  NOT NULL UNIQUE,
    title              VARCHAR(500) NOT NULL,
    type               VARCHAR(32)  NOT NULL,
    region             VARCHAR(100) NOT NULL,
    owner_organisation VARCHAR(200) NOT NULL,
    status             VARCHAR(32)  NOT NULL,
    suspended          BOOLEAN      NOT NULL DEFAULT FALSE,
    version            BIGINT       NOT NULL,
    registered_at      TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX project_listing_region_status ON project_listing (region, status);

-- First responses to POSTs sent with an Idempotency-Key, stored in the transaction that recorded
-- the events, so a retry can never record a fact twice.
CREATE TABLE idempotent_request (
    actor            VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idempotency_key)
);
