-- The register must hold whatever a project's record holds: a name the input policy allows (200 characters) was
-- longer than the region column, and values recorded before the policy are longer still. Text has no limit; the
-- listing replaces NUL, the one character PostgreSQL cannot store.
ALTER TABLE project_listing
    ALTER COLUMN code TYPE TEXT,
    ALTER COLUMN title TYPE TEXT,
    ALTER COLUMN type TYPE TEXT,
    ALTER COLUMN region TYPE TEXT,
    ALTER COLUMN owner_organisation TYPE TEXT;
