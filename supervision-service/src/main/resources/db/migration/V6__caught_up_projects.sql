-- Since when a project is judged as of now: its initial load (a history entered in one go, judged as of the business
-- date it has reached) is over. Set once, by the first judgement after the load ended, and never cleared. Every
-- project known before this was judged as of now already.
ALTER TABLE risk_project ADD COLUMN caught_up_at timestamptz;
UPDATE risk_project SET caught_up_at = updated_at;
-- the sweep looks only at projects still being caught up
CREATE INDEX risk_project_catching_up ON risk_project (project_id) WHERE caught_up_at IS NULL;
