-- Administrators' threshold changes, one version per change of a rule; the newest version of a rule
-- is in force, over the catalogue's defaults. Nothing is updated or deleted: the table is the trail.
CREATE TABLE rule_threshold (
    rule_id    text        NOT NULL,
    version    integer     NOT NULL,
    thresholds jsonb       NOT NULL,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rule_id, version)
);
