-- Plans, schemes, awards, report jobs and settings used by reports.

ALTER TABLE cooperatives ADD COLUMN dissolved_on TEXT;

-- Yearly plan targets, one per indicator (codes in domain/indicators.cpp).
CREATE TABLE plan_targets (
  year       INTEGER NOT NULL,
  indicator  TEXT NOT NULL,
  target     REAL NOT NULL CHECK (target >= 0),
  updated_by INTEGER REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (year, indicator)
) WITHOUT ROWID;

-- Multi-year schemes (đề án), with targets for the final year.
CREATE TABLE schemes (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  period_start INTEGER NOT NULL,
  period_end   INTEGER NOT NULL CHECK (period_end > period_start),
  status       TEXT NOT NULL CHECK (status IN ('draft', 'active', 'closed')),
  description  TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE TABLE scheme_targets (
  scheme_id INTEGER NOT NULL REFERENCES schemes (id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  target    REAL NOT NULL CHECK (target >= 0),
  PRIMARY KEY (scheme_id, indicator)
) WITHOUT ROWID;

-- Award campaigns: one per year and level, with a quota; a decision closes it.
CREATE TABLE award_campaigns (
  id          INTEGER PRIMARY KEY,
  year        INTEGER NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('ubnd_bang_khen', 'alliance_giay_khen')),
  title       TEXT NOT NULL,
  quota       INTEGER NOT NULL CHECK (quota > 0),
  status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  decision_no TEXT,
  decided_on  TEXT,
  signer      TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (year, level)
);

CREATE TABLE nominations (
  id             INTEGER PRIMARY KEY,
  campaign_id    INTEGER NOT NULL REFERENCES award_campaigns (id) ON DELETE CASCADE,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id),
  achievement    TEXT NOT NULL,
  proposer       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'awarded')),
  review_reason  TEXT NOT NULL DEFAULT '',
  proposed_by    INTEGER REFERENCES users (id),
  reviewed_by    INTEGER REFERENCES users (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (campaign_id, cooperative_id)
);
CREATE INDEX nominations_cooperative ON nominations (cooperative_id);

-- Reports that take more than a moment run as jobs; the result is kept for download.
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  params       TEXT NOT NULL,           -- JSON
  status       TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress     INTEGER NOT NULL DEFAULT 0,
  content_type TEXT,
  filename     TEXT,
  result       BLOB,
  error        TEXT,
  created_by   INTEGER REFERENCES users (id),
  created_at   TEXT NOT NULL,
  finished_at  TEXT
);
CREATE INDEX jobs_status ON jobs (status, id);

INSERT INTO settings (key, value) VALUES ('province_name', '') ON CONFLICT (key) DO NOTHING;
