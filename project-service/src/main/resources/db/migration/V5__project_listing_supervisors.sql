-- The register shows each caller only the projects they may read; a supervisor reads those that
-- name them, so the register keeps the named supervisors. Existing rows take them from the record.
ALTER TABLE project_listing ADD COLUMN supervisors TEXT[] NOT NULL DEFAULT '{}';

UPDATE project_listing listing
SET supervisors = ARRAY(SELECT jsonb_array_elements_text(convert_from(latest.payload, 'UTF8')::jsonb -> 'supervisors'))
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload
      FROM domain_event_entry
      WHERE payload_type IN ('org.jianhu.contracts.project.ProjectRegistered',
                             'org.jianhu.contracts.project.SupervisorsReassigned')
      ORDER BY aggregate_identifier, sequence_number DESC) latest
WHERE latest.aggregate_identifier = listing.project_id;

CREATE INDEX project_listing_owner_organisation ON project_listing (owner_organisation);
CREATE INDEX project_listing_supervisors ON project_listing USING GIN (supervisors);
