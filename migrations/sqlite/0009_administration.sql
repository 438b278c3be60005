-- Administration from the browser: accounts with contact details, activation and reset links,
-- two-factor sign-in, named API tokens with an expiry, sessions with where they came from; the
-- working calendar's worked Saturdays, the letterhead by date, agencies merged into others; and
-- the audit log, append-only and hash-chained (docs/decisions.md).

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;           -- never deleted: the history names them
ALTER TABLE users ADD COLUMN activated_at TEXT;          -- null while the invitation is open
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE users ADD COLUMN totp_secret TEXT;           -- base32; set once confirmed
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;   -- shown while enrolling
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;     -- a code is accepted once
UPDATE users SET activated_at = created_at;

-- One-time links: activation of an invited account, or a password reset. By hash, as sessions.
CREATE TABLE account_links (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('activate', 'reset')),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
) WITHOUT ROWID;
CREATE INDEX account_links_user ON account_links (user_id);

CREATE TABLE recovery_codes (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at   TEXT,
  PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;

ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
CREATE INDEX sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN expires_on TEXT;       -- last day of use, null: no expiry
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- A holiday is a weekday off; a 'working' day is a Saturday or Sunday worked in compensation.
ALTER TABLE holidays ADD COLUMN kind TEXT NOT NULL DEFAULT 'holiday' CHECK (kind IN ('holiday', 'working'));

-- The letterhead of reports (Nghị định 30/2020), each from the day it applies.
CREATE TABLE letterheads (
  id           INTEGER PRIMARY KEY,
  valid_from   TEXT NOT NULL UNIQUE,
  parent_body  TEXT NOT NULL,     -- "UBND TỈNH THÁI NGUYÊN"
  issuing_body TEXT NOT NULL,     -- "LIÊN MINH HỢP TÁC XÃ TỈNH"
  place_name   TEXT NOT NULL,     -- "Thái Nguyên"
  created_at   TEXT NOT NULL
);

ALTER TABLE agencies ADD COLUMN merged_into INTEGER REFERENCES agencies (id);
ALTER TABLE agencies ADD COLUMN retired_on TEXT;

-- Who did what. Each entry carries the hash of the one before (hash = SHA-256 of prev_hash and
-- the entry's fields, docs/decisions.md); `hoptac audit verify` walks the chain.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     INTEGER,
  username    TEXT NOT NULL DEFAULT '',
  address     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,      -- sign_in, sign_in_failed, sign_out, create, update, action, ...
  object_type TEXT NOT NULL DEFAULT '',
  object_id   TEXT NOT NULL DEFAULT '',
  summary     TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
