-- The alert list pages newest first by (raised_at, id), keyset and never by offset (GET /api/alerts): one index
-- walks the whole list in that order, and one per filter that narrows it most walks that filter's alerts in the
-- same order.
CREATE INDEX alert_newest_first ON alert (raised_at DESC, id DESC);
CREATE INDEX alert_by_status_newest_first ON alert (status, raised_at DESC, id DESC);
CREATE INDEX alert_by_project_newest_first ON alert (project_id, raised_at DESC, id DESC);
CREATE INDEX alert_by_region_newest_first ON alert (region, raised_at DESC, id DESC);
CREATE INDEX alert_by_rule_newest_first ON alert (rule_id, raised_at DESC, id DESC);
-- the project's alerts are found by the index above, which begins with the project
DROP INDEX alert_by_project;
