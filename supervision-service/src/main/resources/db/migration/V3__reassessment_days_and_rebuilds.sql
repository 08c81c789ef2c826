-- The last Shanghai date on which the daily re-evaluation of every project completed (one row).
CREATE TABLE daily_reassessment (
    id             integer PRIMARY KEY CHECK (id = 1),
    last_completed date        NOT NULL,
    completed_at   timestamptz NOT NULL DEFAULT now()
);

-- Rebuilds an administrator asked for, and how far each has come.
CREATE TABLE risk_rebuild (
    id               uuid PRIMARY KEY,
    requested_by     text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    events_read      bigint      NOT NULL DEFAULT 0,
    projects_rebuilt integer     NOT NULL DEFAULT 0,
    projects_total   integer,
    failure          text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
