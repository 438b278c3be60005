-- Petitions, their categories, answers and history; batches to the UBND; conferences;
-- directives; notifications with an e-mail outbox; working-day holidays.

CREATE TABLE categories (
  code              TEXT PRIMARY KEY,
  position          INTEGER NOT NULL,
  name_vi           TEXT NOT NULL,
  name_en           TEXT NOT NULL,
  default_agency_id INTEGER REFERENCES agencies (id),
  default_days      INTEGER NOT NULL CHECK (default_days > 0)  -- working days to answer
) WITHOUT ROWID;

INSERT INTO categories (code, position, name_vi, name_en, default_agency_id, default_days)
SELECT c.code, c.position, c.name_vi, c.name_en, (SELECT id FROM agencies WHERE code = c.agency), c.days
FROM (SELECT 'credit' AS code, 1 AS position, 'Vốn, tín dụng' AS name_vi, 'Capital and credit' AS name_en, 'nhnn' AS agency, 10 AS days
      UNION ALL SELECT 'land', 2, 'Đất đai, mặt bằng sản xuất', 'Land and premises', 'so-nnmt', 20
      UNION ALL SELECT 'tax', 3, 'Thuế, phí, hải quan', 'Tax, fees and customs', 'thue-tinh', 10
      UNION ALL SELECT 'market', 4, 'Tiêu thụ sản phẩm, thị trường, xúc tiến thương mại', 'Markets and trade promotion', 'so-congthuong', 15
      UNION ALL SELECT 'support_policy', 5, 'Chính sách hỗ trợ', 'Support policies', 'so-taichinh', 15
      UNION ALL SELECT 'workforce', 6, 'Nguồn nhân lực, đào tạo', 'Workforce and training', 'so-noivu', 15
      UNION ALL SELECT 'technology', 7, 'Khoa học công nghệ, chuyển đổi số', 'Technology and digital transformation', 'so-khcn', 15
      UNION ALL SELECT 'ocop', 8, 'OCOP, chất lượng, an toàn thực phẩm', 'OCOP, quality and food safety', 'so-nnmt', 15
      UNION ALL SELECT 'infrastructure', 9, 'Hạ tầng sản xuất', 'Production infrastructure', 'so-xaydung', 30
      UNION ALL SELECT 'procedures', 10, 'Thủ tục hành chính, đăng ký, tổ chức lại HTX', 'Administrative procedures and registration', 'so-taichinh', 10
      UNION ALL SELECT 'insurance', 11, 'Bảo hiểm, lao động', 'Insurance and labour', 'bhxh', 15
      UNION ALL SELECT 'linkage', 12, 'Liên kết, hợp tác', 'Linkage and cooperation', 'lien-minh-htx', 15
      UNION ALL SELECT 'disaster', 13, 'Thiên tai, dịch bệnh, rủi ro', 'Disasters, epidemics and risks', 'so-nnmt', 10) AS c;

-- Public holidays (days off on weekdays, with the days given in compensation); working days
-- are Monday to Friday minus these. Preloaded for 2024-2027 from the Government's yearly
-- announcements; check each new year's announcement and add to this table.
CREATE TABLE holidays (
  day  TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO holidays (day, name) VALUES
  ('2024-01-01', 'Tết Dương lịch'),
  ('2024-02-08', 'Tết Nguyên đán'), ('2024-02-09', 'Tết Nguyên đán'), ('2024-02-12', 'Tết Nguyên đán'),
  ('2024-02-13', 'Tết Nguyên đán'), ('2024-02-14', 'Tết Nguyên đán'),
  ('2024-04-18', 'Giỗ Tổ Hùng Vương'),
  ('2024-04-29', 'Nghỉ bù, hoán đổi'), ('2024-04-30', 'Ngày Chiến thắng'), ('2024-05-01', 'Quốc tế Lao động'),
  ('2024-09-02', 'Quốc khánh'), ('2024-09-03', 'Quốc khánh'),
  ('2025-01-01', 'Tết Dương lịch'),
  ('2025-01-27', 'Tết Nguyên đán'), ('2025-01-28', 'Tết Nguyên đán'), ('2025-01-29', 'Tết Nguyên đán'),
  ('2025-01-30', 'Tết Nguyên đán'), ('2025-01-31', 'Tết Nguyên đán'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương'),
  ('2025-04-30', 'Ngày Chiến thắng'), ('2025-05-01', 'Quốc tế Lao động'), ('2025-05-02', 'Nghỉ bù, hoán đổi'),
  ('2025-09-01', 'Quốc khánh'), ('2025-09-02', 'Quốc khánh'),
  ('2026-01-01', 'Tết Dương lịch'),
  ('2026-02-16', 'Tết Nguyên đán'), ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'),
  ('2026-02-19', 'Tết Nguyên đán'), ('2026-02-20', 'Tết Nguyên đán'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  ('2026-04-30', 'Ngày Chiến thắng'), ('2026-05-01', 'Quốc tế Lao động'),
  ('2026-09-01', 'Quốc khánh'), ('2026-09-02', 'Quốc khánh'),
  ('2027-01-01', 'Tết Dương lịch'),
  ('2027-02-04', 'Tết Nguyên đán'), ('2027-02-05', 'Tết Nguyên đán'), ('2027-02-08', 'Tết Nguyên đán'),
  ('2027-02-09', 'Tết Nguyên đán'), ('2027-02-10', 'Tết Nguyên đán'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương'),
  ('2027-04-30', 'Ngày Chiến thắng'), ('2027-05-03', 'Quốc tế Lao động (nghỉ bù)'),
  ('2027-09-02', 'Quốc khánh'), ('2027-09-03', 'Quốc khánh');

CREATE TABLE conferences (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL,
  held_on        TEXT NOT NULL,
  venue          TEXT NOT NULL DEFAULT '',
  chair_name     TEXT NOT NULL DEFAULT '',
  chair_title    TEXT NOT NULL DEFAULT '',
  host_agency_id INTEGER REFERENCES agencies (id),
  status         TEXT NOT NULL CHECK (status IN ('planned', 'held', 'closed')),
  minutes        TEXT NOT NULL DEFAULT '',
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE TABLE conference_agencies (
  conference_id INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (conference_id, agency_id)
) WITHOUT ROWID;
CREATE TABLE conference_cooperatives (
  conference_id  INTEGER NOT NULL REFERENCES conferences (id) ON DELETE CASCADE,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id),
  PRIMARY KEY (conference_id, cooperative_id)
) WITHOUT ROWID;

CREATE TABLE batches (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  number     TEXT NOT NULL,                 -- "05/BC-LMHTX", restarting each year
  title      TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  UNIQUE (year, seq)
);

CREATE TABLE petitions (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,      -- "KN-2025-000123"
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id),  -- who raised it
  channel        TEXT NOT NULL CHECK (channel IN ('online', 'conference', 'paper')),
  conference_id  INTEGER REFERENCES conferences (id),
  title          TEXT NOT NULL,
  content        TEXT NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'received', 'rejected',
                   'forwarded', 'assigned', 'answered', 'closed', 'merged')),
  lead_agency_id INTEGER REFERENCES agencies (id),
  assigned_on    TEXT,
  due_on         TEXT,
  answered_on    TEXT,
  batch_id       INTEGER REFERENCES batches (id),
  merged_into    INTEGER REFERENCES petitions (id),
  published      INTEGER NOT NULL DEFAULT 0,
  rating         INTEGER CHECK (rating BETWEEN 1 AND 5),
  rating_comment TEXT NOT NULL DEFAULT '',
  created_by     INTEGER REFERENCES users (id),
  created_at     TEXT NOT NULL,
  submitted_at   TEXT,
  updated_at     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (year, seq)
);
CREATE INDEX petitions_state_due ON petitions (state, due_on);
CREATE INDEX petitions_lead ON petitions (lead_agency_id, state);
CREATE INDEX petitions_conference ON petitions (conference_id);
CREATE INDEX petitions_batch ON petitions (batch_id);
CREATE INDEX petitions_created ON petitions (created_at);

CREATE TABLE petition_categories (
  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  category    TEXT NOT NULL REFERENCES categories (code),
  position    INTEGER NOT NULL,
  PRIMARY KEY (petition_id, category)
) WITHOUT ROWID;
CREATE INDEX petition_categories_category ON petition_categories (category, petition_id);

-- The cooperatives a petition speaks for: who raised it, and those of petitions merged into it.
CREATE TABLE petition_cooperatives (
  petition_id    INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id),
  PRIMARY KEY (petition_id, cooperative_id)
) WITHOUT ROWID;
CREATE INDEX petition_cooperatives_coop ON petition_cooperatives (cooperative_id, petition_id);

CREATE TABLE petition_coordinators (
  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  agency_id   INTEGER NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (petition_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX petition_coordinators_agency ON petition_coordinators (agency_id, petition_id);

CREATE TABLE petition_answers (
  id            INTEGER PRIMARY KEY,
  petition_id   INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  agency_id     INTEGER NOT NULL REFERENCES agencies (id),
  text          TEXT NOT NULL,
  legal_basis   TEXT NOT NULL DEFAULT '',
  answered_on   TEXT NOT NULL,
  at_conference INTEGER NOT NULL DEFAULT 0,
  answered_by   INTEGER REFERENCES users (id),
  created_at    TEXT NOT NULL
);
CREATE INDEX petition_answers_petition ON petition_answers (petition_id);

CREATE TABLE petition_history (
  id          INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  user_id     INTEGER REFERENCES users (id),
  action      TEXT NOT NULL,
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX petition_history_petition ON petition_history (petition_id, id);

CREATE TABLE petition_attachments (
  id           INTEGER PRIMARY KEY,
  petition_id  INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,             -- the file's name in the attachment store
  uploaded_by  INTEGER REFERENCES users (id),
  created_at   TEXT NOT NULL
);
CREATE INDEX petition_attachments_petition ON petition_attachments (petition_id);

-- Full-text search over a folded copy (no diacritics, lower case) of code, title, content and
-- answers; rowid = petition id.
CREATE VIRTUAL TABLE petitions_fts USING fts5 (folded, tokenize = 'unicode61');

CREATE TABLE directives (
  id                 INTEGER PRIMARY KEY,
  conference_id      INTEGER REFERENCES conferences (id),
  content            TEXT NOT NULL,
  assignee_agency_id INTEGER NOT NULL REFERENCES agencies (id),
  due_on             TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
  created_by         INTEGER REFERENCES users (id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX directives_assignee ON directives (assignee_agency_id, status);
CREATE TABLE directive_reports (
  id           INTEGER PRIMARY KEY,
  directive_id INTEGER NOT NULL REFERENCES directives (id) ON DELETE CASCADE,
  reported_on  TEXT NOT NULL,
  text         TEXT NOT NULL,
  status       TEXT NOT NULL,
  user_id      INTEGER REFERENCES users (id),
  created_at   TEXT NOT NULL
);
CREATE INDEX directive_reports_directive ON directive_reports (directive_id);

CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,     -- submitted, returned, assigned, answered, reopened, due_soon, overdue, directive
  petition_id  INTEGER REFERENCES petitions (id) ON DELETE CASCADE,
  directive_id INTEGER REFERENCES directives (id) ON DELETE CASCADE,
  message_vi   TEXT NOT NULL,
  message_en   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  read_at      TEXT,
  dedupe_key   TEXT UNIQUE        -- deadline reminders are sent once
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

-- What a mailer will send; written in the same transaction as the notification.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  channel         TEXT NOT NULL DEFAULT 'email',
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);

CREATE TABLE counters (
  name  TEXT NOT NULL,
  year  INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (name, year)
) WITHOUT ROWID;
