-- E-mail that reaches people (docs/notifications.md): the outbox becomes a queue of e-mails,
-- each claimed by one instance at a time (FOR UPDATE SKIP LOCKED), sent with its own
-- Message-ID, retried with backoff and marked failed with the mail server's answer; users
-- choose their language and, per kind of notification, to be told at once, in the daily
-- digest, or not by e-mail. The twin of migrations/sqlite/0013_mail_delivery.sql.

ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'));

CREATE TABLE notification_preferences (
  user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,
  delivery TEXT NOT NULL CHECK (delivery IN ('immediate', 'daily', 'off')),
  PRIMARY KEY (user_id, kind)
);

ALTER TABLE notifications ADD COLUMN delivery TEXT NOT NULL DEFAULT 'immediate';
ALTER TABLE notifications ADD COLUMN digest_outbox_id BIGINT;
CREATE INDEX notifications_waiting_digest ON notifications (user_id, id)
  WHERE delivery = 'daily' AND digest_outbox_id IS NULL;

ALTER TABLE outbox ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE CASCADE;
UPDATE outbox o SET user_id = n.user_id FROM notifications n WHERE n.id = o.notification_id;
ALTER TABLE outbox ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN notification_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'notification'
  CHECK (kind IN ('notification', 'daily_digest', 'weekly_digest'));
ALTER TABLE outbox ADD COLUMN period TEXT;
ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
  CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped'));
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN message_id TEXT UNIQUE;
ALTER TABLE outbox ADD COLUMN recipient TEXT;
ALTER TABLE outbox ADD COLUMN subject TEXT;
ALTER TABLE outbox ADD COLUMN body_text TEXT;
ALTER TABLE outbox ADD COLUMN body_html TEXT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
-- What was queued before delivery existed is kept as history and not sent months late.
UPDATE outbox SET next_attempt_at = created_at,
  state = CASE WHEN sent_at IS NULL THEN 'skipped' ELSE 'sent' END,
  last_error = CASE WHEN sent_at IS NULL THEN 'queued before e-mail delivery existed' END;
ALTER TABLE outbox ALTER COLUMN next_attempt_at SET NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_digest_once UNIQUE (user_id, kind, period);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX outbox_state ON outbox (state, id);

ALTER TABLE petitions ADD COLUMN escalated_on TEXT;

INSERT INTO settings (key, value) VALUES ('reminder_working_days', '3'), ('escalation_working_days', '5')
ON CONFLICT (key) DO NOTHING;
