-- Sign-in failures by address as well as by username, with a time in milliseconds, so that
-- the throttle (domain/sign_in_throttle.hpp) can count both and tell how long to wait.
ALTER TABLE login_failures ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE login_failures ADD COLUMN at_ms INTEGER NOT NULL DEFAULT 0;
DROP INDEX login_failures_username;
CREATE INDEX login_failures_username ON login_failures (username, at_ms);
CREATE INDEX login_failures_address ON login_failures (address, at_ms);
