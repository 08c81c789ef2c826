-- One row per project: the lock that orders its events, how far they are applied, the folded facts
-- and the risk view served by the API.
CREATE TABLE risk_project (
    project_id           text PRIMARY KEY,
    next_sequence        bigint      NOT NULL DEFAULT 0,
    last_global_position bigint,
    facts                jsonb,
    code                 text,
    title                text,
    region               text,
    stage                text,
    level                text        NOT NULL DEFAULT 'GREEN',
    score                integer     NOT NULL DEFAULT 0,
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_project_by_score ON risk_project (score DESC, project_id);

CREATE TABLE risk_signal (
    id              uuid PRIMARY KEY,
    project_id      text        NOT NULL REFERENCES risk_project (project_id),
    rule_id         text        NOT NULL,
    rule_version    integer     NOT NULL,
    subject         text        NOT NULL,
    level           text        NOT NULL,
    numbers         jsonb       NOT NULL,
    evidence        jsonb       NOT NULL,
    explanation_zh  text,
    explanation_en  text,
    status          text        NOT NULL CHECK (status IN ('open', 'cleared')),
    raised_at       timestamptz NOT NULL,
    changed_at      timestamptz NOT NULL
);
-- at most one open signal per rule and subject of a project
CREATE UNIQUE INDEX risk_signal_open_once ON risk_signal (project_id, rule_id, subject) WHERE status = 'open';
CREATE INDEX risk_signal_by_level ON risk_signal (level, status);

CREATE TABLE signal_outbox (
    id             uuid PRIMARY KEY,
    position       bigserial   NOT NULL,
    signal_id      uuid        NOT NULL REFERENCES risk_signal (id),
    project_id     text        NOT NULL,
    rule_id        text        NOT NULL,
    rule_version   integer     NOT NULL,
    level          text        NOT NULL,
    previous_level text,
    change_type    text        NOT NULL,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);
CREATE INDEX signal_outbox_unpublished ON signal_outbox (position) WHERE published_at IS NULL;
