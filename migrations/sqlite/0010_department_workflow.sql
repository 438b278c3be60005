-- The department's side of the workflow (docs/petitions.md): a returned petition has its own
-- state, more time asked of the UBND and granted or refused, opinions of coordinating
-- agencies, and the reply letter with an answer.

-- 'needs_info' joins the states. SQLite cannot alter a CHECK constraint; widening a list of
-- allowed values leaves every stored row valid, so the table's definition is edited in place
-- (sqlite.org/lang_altertable.html, "other kinds of table schema changes"); the CREATE TABLE
-- statements below change the schema cookie, so every connection reads the new definition.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '''closed'', ''merged''))', '''closed'', ''merged'', ''needs_info''))')
WHERE type = 'table' AND name = 'petitions';
PRAGMA writable_schema = RESET;

-- Petitions returned for more information were drafts: those whose last step was a return.
UPDATE petitions SET state = 'needs_info'
WHERE state = 'draft' AND (SELECT h.action FROM petition_history h WHERE h.petition_id = petitions.id
                           ORDER BY h.id DESC LIMIT 1) = 'return';
UPDATE petition_history SET to_state = 'needs_info' WHERE action = 'return' AND to_state = 'draft';

-- More time: one open request at a time; the due date follows what is granted.
CREATE TABLE petition_extensions (
  id              INTEGER PRIMARY KEY,
  petition_id     INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  status          TEXT NOT NULL CHECK (status IN ('open', 'granted', 'refused', 'withdrawn')),
  reason          TEXT NOT NULL,
  previous_due_on TEXT NOT NULL,
  proposed_due_on TEXT NOT NULL,
  granted_due_on  TEXT,
  decision_reason TEXT NOT NULL DEFAULT '',
  requested_by    INTEGER REFERENCES users (id),
  requested_at    TEXT NOT NULL,
  decided_by      INTEGER REFERENCES users (id),
  decided_at      TEXT
);
CREATE INDEX petition_extensions_petition ON petition_extensions (petition_id, id);
CREATE UNIQUE INDEX petition_extensions_one_open ON petition_extensions (petition_id) WHERE status = 'open';

-- The lead agency asks a coordinating agency for its opinion; that agency answers.
CREATE TABLE petition_opinions (
  id            INTEGER PRIMARY KEY,
  petition_id   INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  question      TEXT NOT NULL,
  asked_by      INTEGER REFERENCES users (id),
  asked_at      TEXT NOT NULL,
  answer        TEXT,
  attachment_id INTEGER REFERENCES petition_attachments (id),
  answered_by   INTEGER REFERENCES users (id),
  answered_at   TEXT
);
CREATE INDEX petition_opinions_petition ON petition_opinions (petition_id, id);
CREATE INDEX petition_opinions_waiting ON petition_opinions (agency_id, petition_id) WHERE answer IS NULL;

-- The signed reply letter of an answer.
ALTER TABLE petition_answers ADD COLUMN letter_number TEXT NOT NULL DEFAULT '';
ALTER TABLE petition_answers ADD COLUMN letter_date TEXT;
ALTER TABLE petition_answers ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE petition_answers ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE petition_answers ADD COLUMN letter_attachment_id INTEGER REFERENCES petition_attachments (id);
