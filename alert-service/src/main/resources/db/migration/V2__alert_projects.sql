-- What the signal says about the alert's project, refreshed by every later change that names it.
-- supervisors is a JSON array of user ids; NULL while no change has named them (unknown, not none).
ALTER TABLE alert ADD COLUMN project_code text;
ALTER TABLE alert ADD COLUMN project_title text;
ALTER TABLE alert ADD COLUMN owner_organisation text;
ALTER TABLE alert ADD COLUMN supervisors jsonb;
CREATE INDEX alert_by_supervisor ON alert USING gin (supervisors jsonb_path_ops);
CREATE INDEX alert_by_owner ON alert (owner_organisation);
