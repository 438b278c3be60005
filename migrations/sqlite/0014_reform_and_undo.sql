-- The province after 1 July 2025 and a short undo.
-- A commune's People's Committee is an agency tied to the commune (a unit valid after the
-- reform); the district committees are retired agencies (retired_on, migration 0009).
ALTER TABLE agencies ADD COLUMN commune_id INTEGER REFERENCES admin_units (id);
CREATE INDEX agencies_commune ON agencies (commune_id) WHERE commune_id IS NOT NULL;

-- Who has opened a petition (its page, or the batch it is in) shortly after it changed: an
-- action can be undone only while those it concerns have not seen it (docs/petitions.md "Undo").
CREATE TABLE petition_views (
  petition_id   INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  user_id       INTEGER NOT NULL REFERENCES users (id),
  role          TEXT NOT NULL,
  agency_id     INTEGER REFERENCES agencies (id),
  seen_at       TEXT NOT NULL,     -- the latest view while an undo was possible
  PRIMARY KEY (petition_id, user_id)
) WITHOUT ROWID;
