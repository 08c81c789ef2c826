-- A project code is registered once: enforced in the transaction that records the registration.
-- The register of projects (project_listing) is kept up to date asynchronously, off the write path.
CREATE TABLE project_code (
    code       VARCHAR(64) NOT NULL PRIMARY KEY,
    project_id VARCHAR(64) NOT NULL UNIQUE
);
INSERT INTO project_code (code, project_id) SELECT code, project_id FROM project_listing;
ALTER TABLE project_listing DROP CONSTRAINT project_listing_code_key;
