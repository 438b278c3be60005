-- The province after 1 July 2025 and a short undo. (The same as SQLite's 0014.)
ALTER TABLE agencies ADD COLUMN commune_id BIGINT REFERENCES admin_units (id);
CREATE INDEX agencies_commune ON agencies (commune_id) WHERE commune_id IS NOT NULL;

CREATE TABLE petition_views (
  petition_id   BIGINT NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  user_id       BIGINT NOT NULL REFERENCES users (id),
  role          TEXT NOT NULL,
  agency_id     BIGINT REFERENCES agencies (id),
  seen_at       TEXT NOT NULL,     -- the latest view while an undo was possible
  PRIMARY KEY (petition_id, user_id)
);
