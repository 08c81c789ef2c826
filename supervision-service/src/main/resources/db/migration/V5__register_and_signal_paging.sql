-- The lists page by keyset, never by offset. The register (GET /api/risk/projects) walks by code, then id (a
-- project whose registration is not known yet has no code: it sorts as ''); the signals (GET /api/risk/signals)
-- newest first by (raised_at, id), and by project or status in the same order.
CREATE INDEX risk_project_by_code ON risk_project ((coalesce(code, '')), project_id);
CREATE INDEX risk_project_by_region_and_code ON risk_project (region, (coalesce(code, '')), project_id);
CREATE INDEX risk_signal_newest_first ON risk_signal (raised_at DESC, id DESC);
CREATE INDEX risk_signal_by_project_newest_first ON risk_signal (project_id, raised_at DESC, id DESC);
CREATE INDEX risk_signal_by_status_newest_first ON risk_signal (status, raised_at DESC, id DESC);
-- the register is no longer served by score
DROP INDEX risk_project_by_score;
