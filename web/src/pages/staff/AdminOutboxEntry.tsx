// One e-mail of the outbox (administrator): to whom, its state and attempts, the mail server's
// last answer, and its text as it was sent (plain text only: the HTML part is never drawn).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { OutboxEntry } from '../../api/types';
import { Async } from '../../components/Async';
import { Link } from '../../components/Link';
import { OutboxBadge, RetryButton, subjectOf } from '../../components/Outbox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { label, t } from '../../i18n';
import type { PageProps } from '../../routes';

export default function AdminOutboxEntry({ params }: PageProps) {
  const id = params.id;
  const entry = useFetch((signal) => api<OutboxEntry>(`/outbox/${id}`, { signal }), [id]);
  const [e, setE] = useState<OutboxEntry | null>(null);
  useEffect(() => setE(entry.data ?? null), [entry.data]);
  usePageTitle(e ? subjectOf(e) : t('outbox.title'));
  if (entry.error?.status === 404 || entry.error?.status === 400)
    return (
      <>
        <p class="crumbs">
          <Link href="/admin/outbox">{t('outbox.title')}</Link>
        </p>
        <h1>{t('outbox.notFound')}</h1>
      </>
    );
  return (
    <Async state={entry} isEmpty={() => false}>
      {() =>
        e && (
          <>
            <p class="crumbs">
              <Link href="/admin/outbox">{t('outbox.title')}</Link>
            </p>
            <h1 class="mono-wrap">{subjectOf(e)}</h1>
            <dl class="facts" data-testid="outbox-entry">
              <div>
                <dt>{t('outbox.recipient')}</dt>
                <dd class="mono-wrap">{e.recipient ?? t('outbox.noRecipient')}</dd>
              </div>
              <div>
                <dt>{t('outbox.user')}</dt>
                <dd>
                  <Link href={`/admin/users/${e.user.id}`}>{e.user.display_name || e.user.username}</Link> ({e.user.username}) ·{' '}
                  <Link href={`/admin/outbox?user_id=${e.user.id}`}>{t('outbox.forUser', { name: e.user.username })}</Link>
                </dd>
              </div>
              <div>
                <dt>{t('outbox.kind')}</dt>
                <dd>
                  {label('okind', e.kind)}
                  {e.period && ` · ${formatDate(e.period)}`}
                </dd>
              </div>
              <div>
                <dt>{t('outbox.state')}</dt>
                <dd>
                  <OutboxBadge state={e.state} />
                </dd>
              </div>
              <div>
                <dt>{t('outbox.attempts')}</dt>
                <dd>{formatNumber(e.attempts)}</dd>
              </div>
              <div>
                <dt>{t('outbox.created_at')}</dt>
                <dd>{formatDateTime(e.created_at)}</dd>
              </div>
              {(e.state === 'pending' || e.state === 'sending') && (
                <div>
                  <dt>{t('outbox.next_attempt_at')}</dt>
                  <dd>{formatDateTime(e.next_attempt_at)}</dd>
                </div>
              )}
              <div>
                <dt>{t('outbox.sent_at')}</dt>
                <dd>{formatDateTime(e.sent_at)}</dd>
              </div>
              <div>
                <dt>{t('outbox.message_id')}</dt>
                <dd class="mono mono-wrap">{e.message_id ?? '—'}</dd>
              </div>
              {e.last_error && (
                <div>
                  <dt>{t('outbox.last_error')}</dt>
                  <dd class={e.state === 'failed' ? 'field-error' : undefined} data-testid="outbox-error">
                    {e.last_error}
                  </dd>
                </div>
              )}
            </dl>
            {e.state === 'failed' && (
              <div class="actions">
                <RetryButton entry={e} onDone={(r) => setE({ ...e, ...r, body_text: r.body_text ?? e.body_text })} />
              </div>
            )}
            <h2>{t('outbox.body')}</h2>
            {e.body_text ? (
              <pre class="mail-body" data-testid="mail-body">
                {e.body_text}
              </pre>
            ) : (
              <p class="state state-empty">{t('outbox.body.none')}</p>
            )}
          </>
        )
      }
    </Async>
  );
}
