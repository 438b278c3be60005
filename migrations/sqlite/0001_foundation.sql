-- Foundation: reference data (administrative units, agencies), accounts and the register.
-- Dates are ISO 8601 text (YYYY-MM-DD), instants are UTC ISO 8601 text, money is whole VND.

CREATE TABLE admin_units (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,              -- GSO code: province 2, district 3, commune 5 digits
  level       TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  name        TEXT NOT NULL,              -- full name, "Xã Xuân Lạc"
  type        TEXT NOT NULL,              -- Tỉnh, Thành phố, Huyện, Xã, Phường, Thị trấn, Đặc khu
  parent_id   INTEGER REFERENCES admin_units (id),
  province_id INTEGER REFERENCES admin_units (id),
  valid_from  TEXT,                       -- NULL: since before the data begins
  valid_to    TEXT,                       -- NULL: still valid
  name_folded TEXT NOT NULL,
  UNIQUE (level, code, valid_from)
);
CREATE INDEX admin_units_parent ON admin_units (parent_id);
CREATE INDEX admin_units_code ON admin_units (code);

-- Old commune -> the new commune(s) it became on 01/07/2025.
CREATE TABLE admin_unit_successors (
  old_id INTEGER NOT NULL REFERENCES admin_units (id),
  new_id INTEGER NOT NULL REFERENCES admin_units (id),
  merge_type TEXT NOT NULL CHECK (merge_type IN ('full', 'partial')),
  PRIMARY KEY (old_id, new_id)
) WITHOUT ROWID;
CREATE INDEX admin_unit_successors_new ON admin_unit_successors (new_id);

CREATE TABLE agencies (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  short_name TEXT NOT NULL,
  kind       TEXT NOT NULL,              -- ubnd | office | alliance | department | district | bank | other
  active     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cooperatives (
  id                   INTEGER PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('tht', 'htx', 'lhhtx')),
  name                 TEXT NOT NULL,
  registration_code    TEXT,
  commune_id           INTEGER NOT NULL REFERENCES admin_units (id),
  address              TEXT NOT NULL,
  founded_on           TEXT,
  charter_capital_vnd  INTEGER CHECK (charter_capital_vnd >= 0),
  status               TEXT NOT NULL,
  rep_name             TEXT NOT NULL DEFAULT '',
  rep_title            TEXT NOT NULL DEFAULT '',
  rep_phone            TEXT NOT NULL DEFAULT '',
  rep_email            TEXT NOT NULL DEFAULT '',
  search_folded        TEXT NOT NULL,     -- folded name + code + address + commune, for q=
  version              INTEGER NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE UNIQUE INDEX cooperatives_registration_code ON cooperatives (registration_code)
  WHERE registration_code IS NOT NULL;
CREATE INDEX cooperatives_commune ON cooperatives (commune_id);
CREATE INDEX cooperatives_kind_status ON cooperatives (kind, status);

CREATE TABLE cooperative_sectors (
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
  sector         TEXT NOT NULL,
  position       INTEGER NOT NULL,       -- 0 is the main sector
  PRIMARY KEY (cooperative_id, sector)
) WITHOUT ROWID;
CREATE INDEX cooperative_sectors_sector ON cooperative_sectors (sector, cooperative_id);

CREATE TABLE cooperative_years (
  cooperative_id       INTEGER NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
  year                 INTEGER NOT NULL,
  members_official     INTEGER NOT NULL CHECK (members_official >= 0),
  members_associate    INTEGER NOT NULL CHECK (members_associate >= 0),
  workers              INTEGER NOT NULL CHECK (workers >= 0),
  revenue_vnd          INTEGER NOT NULL CHECK (revenue_vnd >= 0),
  profit_vnd           INTEGER NOT NULL,
  avg_income_vnd       INTEGER NOT NULL CHECK (avg_income_vnd >= 0),
  classification       TEXT,
  classification_score INTEGER,
  updated_at           TEXT NOT NULL,
  PRIMARY KEY (cooperative_id, year)
) WITHOUT ROWID;
CREATE INDEX cooperative_years_year ON cooperative_years (year, classification);

CREATE TABLE ocop_products (
  id             INTEGER PRIMARY KEY,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
  name           TEXT NOT NULL,
  product_group  TEXT NOT NULL,
  stars          INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
  score          INTEGER,
  decision_no    TEXT NOT NULL,
  decided_on     TEXT NOT NULL,
  expires_on     TEXT NOT NULL
);
CREATE INDEX ocop_products_cooperative ON ocop_products (cooperative_id);

CREATE TABLE offtake_contracts (
  id             INTEGER PRIMARY KEY,
  cooperative_id INTEGER NOT NULL REFERENCES cooperatives (id) ON DELETE CASCADE,
  partner        TEXT NOT NULL,
  product        TEXT NOT NULL,
  volume         TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_to       TEXT NOT NULL
);
CREATE INDEX offtake_contracts_cooperative ON offtake_contracts (cooperative_id);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  password_hash  TEXT NOT NULL,          -- argon2id, libsodium crypto_pwhash_str
  role           TEXT NOT NULL CHECK (role IN ('coop', 'alliance', 'department', 'leader', 'admin')),
  agency_id      INTEGER REFERENCES agencies (id),
  cooperative_id INTEGER REFERENCES cooperatives (id),
  is_demo        INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  CHECK (role <> 'coop' OR cooperative_id IS NOT NULL),
  CHECK (role <> 'department' OR agency_id IS NOT NULL)
);

-- Sessions and API tokens are stored by the SHA-256 of their secret, never the secret.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE login_failures (
  id       INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  at       TEXT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The provincial agencies every province has (RULES.md §4, after the 2025 restructuring).
-- District People's Committees and others are added as data (the demo adds Bắc Kạn's).
INSERT INTO agencies (code, name, short_name, kind) VALUES
  ('ubnd-tinh', 'Ủy ban nhân dân tỉnh', 'UBND tỉnh', 'ubnd'),
  ('vp-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh', 'Văn phòng UBND', 'office'),
  ('lien-minh-htx', 'Liên minh Hợp tác xã tỉnh', 'Liên minh HTX', 'alliance'),
  ('so-taichinh', 'Sở Tài chính', 'Sở Tài chính', 'department'),
  ('so-nnmt', 'Sở Nông nghiệp và Môi trường', 'Sở NN&MT', 'department'),
  ('so-congthuong', 'Sở Công Thương', 'Sở Công Thương', 'department'),
  ('so-khcn', 'Sở Khoa học và Công nghệ', 'Sở KH&CN', 'department'),
  ('so-xaydung', 'Sở Xây dựng', 'Sở Xây dựng', 'department'),
  ('so-noivu', 'Sở Nội vụ', 'Sở Nội vụ', 'department'),
  ('so-yte', 'Sở Y tế', 'Sở Y tế', 'department'),
  ('thue-tinh', 'Thuế tỉnh', 'Thuế tỉnh', 'department'),
  ('hai-quan', 'Hải quan khu vực', 'Hải quan', 'department'),
  ('nhnn', 'Ngân hàng Nhà nước chi nhánh khu vực', 'NHNN', 'bank'),
  ('nhcsxh', 'Ngân hàng Chính sách xã hội chi nhánh tỉnh', 'NHCSXH', 'bank'),
  ('agribank', 'Agribank chi nhánh tỉnh', 'Agribank', 'bank'),
  ('bhxh', 'Bảo hiểm xã hội tỉnh', 'BHXH tỉnh', 'department'),
  ('quy-htpt-htx', 'Quỹ Hỗ trợ phát triển hợp tác xã tỉnh', 'Quỹ HTPT HTX', 'other');
