-- The register (GET /api/projects) pages by keyset in the order of (code, project_id), never by offset.
CREATE INDEX project_listing_by_code ON project_listing (code, project_id);
