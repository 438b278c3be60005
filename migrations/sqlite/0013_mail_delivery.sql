-- E-mail that reaches people (docs/notifications.md): the outbox becomes a queue of e-mails,
-- each claimed by one instance at a time, sent with its own Message-ID, retried with backoff
-- and marked failed with the mail server's answer; users choose their language and, per kind
-- of notification, to be told at once, in the daily digest, or not by e-mail.

ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'));

-- A missing row is the kind's default (domain/notification_kinds.cpp).
CREATE TABLE notification_preferences (
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,
  delivery TEXT NOT NULL CHECK (delivery IN ('immediate', 'daily', 'off')),
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

-- How a notification goes out by e-mail, chosen when it is written; those for the daily digest
-- wait with digest_outbox_id NULL until the digest that carries them is queued.
ALTER TABLE notifications ADD COLUMN delivery TEXT NOT NULL DEFAULT 'immediate';
ALTER TABLE notifications ADD COLUMN digest_outbox_id INTEGER;
CREATE INDEX notifications_waiting_digest ON notifications (user_id, id)
  WHERE delivery = 'daily' AND digest_outbox_id IS NULL;

-- One row per e-mail. A claim sets state 'sending' and pushes next_attempt_at to the end of the
-- lease: an instance that dies mid-send leaves the row to be claimed again after the lease,
-- and the resend carries the same Message-ID, subject and body (written at the first claim).
CREATE TABLE outbox_mail (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('notification', 'daily_digest', 'weekly_digest')),
  notification_id INTEGER REFERENCES notifications (id) ON DELETE CASCADE,
  period          TEXT,  -- a digest's first day (ISO date)
  channel         TEXT NOT NULL DEFAULT 'email',
  state           TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_by      TEXT,
  message_id      TEXT UNIQUE,
  recipient       TEXT,
  subject         TEXT,
  body_text       TEXT,
  body_html       TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  UNIQUE (user_id, kind, period)
);
-- What was queued before delivery existed is kept as history and not sent months late.
INSERT INTO outbox_mail (id, user_id, kind, notification_id, state, next_attempt_at, last_error,
                         created_at, sent_at)
SELECT o.id, n.user_id, 'notification', o.notification_id,
       CASE WHEN o.sent_at IS NULL THEN 'skipped' ELSE 'sent' END, o.created_at,
       CASE WHEN o.sent_at IS NULL THEN 'queued before e-mail delivery existed' END,
       o.created_at, o.sent_at
FROM outbox o JOIN notifications n ON n.id = o.notification_id;
DROP TABLE outbox;
ALTER TABLE outbox_mail RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_state ON outbox (state, id);

-- Escalation: the due date a petition was reported overdue for (once per due date).
ALTER TABLE petitions ADD COLUMN escalated_on TEXT;

-- Working days before the due date for the reminder, and overdue working days before the
-- leaders are told; the admin changes them.
INSERT INTO settings (key, value) VALUES ('reminder_working_days', '3'), ('escalation_working_days', '5')
ON CONFLICT (key) DO NOTHING;
