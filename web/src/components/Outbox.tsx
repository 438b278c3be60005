// The outbox's parts shared by its list and one e-mail's page: the state badge, "Gửi lại"
// (asking first, naming the recipient and the subject) and the banner about the mail server.
import { api } from '../api/client';
import type { OutboxEntry, OutboxPage, OutboxState } from '../api/types';
import { formatNumber } from '../format';
import { label, t } from '../i18n';
import { Badge } from './Badges';
import { ConfirmButton } from './Confirm';
import { notify } from './Notices';

/** The address, or the account's name while the e-mail has not been sent yet. */
export const recipientOf = (e: OutboxEntry) => e.recipient ?? (e.user.display_name || e.user.username);
export const subjectOf = (e: OutboxEntry) => e.subject ?? t('outbox.number', { id: e.id });

export function OutboxBadge({ state }: { state: OutboxState }) {
  return <Badge kind={`o-${state}`} text={label('ostate', state)} />;
}

/** "Gửi lại", asking first with the recipient and the subject; the entry as the server left it. */
export function RetryButton({ entry, onDone }: { entry: OutboxEntry; onDone: (e: OutboxEntry) => void }) {
  const who = { recipient: recipientOf(entry), subject: subjectOf(entry) };
  const retry = async () => {
    const r = await api<OutboxEntry>(`/outbox/${entry.id}/retry`, { method: 'POST' });
    notify(t('outbox.retried', { recipient: who.recipient }));
    onDone(r);
  };
  return <ConfirmButton small label={t('outbox.retry')} ariaLabel={t('outbox.retryFor', who)} question={t('outbox.retry.confirm', who)} confirmLabel={t('outbox.retry')} onConfirm={retry} />;
}

export function SmtpBanner({ smtp, pending }: { smtp: OutboxPage['smtp']; pending: number }) {
  if (smtp.configured)
    return (
      <p class="meta" data-testid="smtp-state">
        {t('outbox.smtpOn', { server: smtp.server ?? '—' })}
      </p>
    );
  return (
    <p class="notice-inline smtp-off" role="status" data-testid="smtp-state">
      <strong>{t('outbox.smtpOff')}</strong> {t('outbox.smtpOff.pending', { n: formatNumber(pending) })}
    </p>
  );
}
