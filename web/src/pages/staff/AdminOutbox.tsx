// The outbox (administrator): every e-mail sent or waiting, by state, with the mail server's
// last answer; a failed one can be sent again. Without SMTP configured, a banner says that the
// e-mails are kept and sent to no one.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { OutboxEntry, OutboxPage, OutboxState } from '../../api/types';
import { OUTBOX_STATES } from '../../api/types';
import { Async } from '../../components/Async';
import { Link } from '../../components/Link';
import { OutboxBadge, RetryButton, SmtpBanner, subjectOf } from '../../components/Outbox';
import { Pagination } from '../../components/Pagination';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../format';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';

/** The outbox's address with a state and an account to filter by (either may be empty). */
function outboxHref(state: string, userId: string): string {
  const p = new URLSearchParams();
  if (state) p.set('state', state);
  if (userId) p.set('user_id', userId);
  const s = p.toString();
  return `/admin/outbox${s ? `?${s}` : ''}`;
}

export default function AdminOutbox() {
  usePageTitle(t('outbox.title'));
  const [q, setQ] = useQuery();
  const state = (OUTBOX_STATES as readonly string[]).includes(q.get('state') ?? '') ? (q.get('state') as OutboxState) : '';
  const userId = /^\d+$/.test(q.get('user_id') ?? '') ? (q.get('user_id') as string) : '';
  const page = Number(q.get('page') ?? 1);
  const query = { state, user_id: userId, page, per_page: 50 };
  const list = useFetch((signal) => api<OutboxPage>('/outbox', { query, signal }), [JSON.stringify(query)]);
  // A row sent again shows what the server answered, until the list is loaded again.
  const [changed, setChanged] = useState<Record<number, OutboxEntry>>({});
  useEffect(() => setChanged({}), [list.data]);
  const named = list.data?.items.find((e) => String(e.user.id) === userId)?.user;
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p class="lead">{t('outbox.lead')}</p>
      {list.data && <SmtpBanner smtp={list.data.smtp} pending={list.data.counts.pending ?? 0} />}
      {userId && (
        <p class="actions">
          <span>{named ? t('outbox.forUser', { name: `${named.display_name} (${named.username})` }) : t('outbox.forUserId', { id: userId })}</span>
          <Link href={outboxHref(state, '')}>{t('outbox.everyone')}</Link>
        </p>
      )}
      <nav class="tabs" aria-label={t('outbox.tabs')}>
        <Link href={outboxHref('', userId)} aria-current={state === '' ? 'page' : undefined}>
          {t('common.all')}
        </Link>
        {OUTBOX_STATES.map((s) => (
          <Link key={s} href={outboxHref(s, userId)} aria-current={state === s ? 'page' : undefined} data-testid={`tab-${s}`}>
            {label('ostate', s)}
            {list.data && <span class="tab-count">({formatNumber(list.data.counts[s] ?? 0)})</span>}
          </Link>
        ))}
      </nav>
      <Async state={list} empty={t('outbox.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) })}</p>
            <div class="table-wrap">
              <table class="stack outbox" data-testid="outbox">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.subject')}</th>
                    <th scope="col">{t('outbox.recipient')}</th>
                    <th scope="col">{t('outbox.kind')}</th>
                    <th scope="col">{t('outbox.state')}</th>
                    <th scope="col" class="num">{t('outbox.attempts')}</th>
                    <th scope="col">{t('outbox.created_at')}</th>
                    <th scope="col">{t('outbox.sent_at')}</th>
                    <th scope="col">{t('outbox.last_error')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((row) => {
                    const e = changed[row.id] ?? row;
                    return (
                      <tr key={e.id} data-testid={`outbox-${e.id}`}>
                        <th scope="row" class="subject">
                          <Link href={`/admin/outbox/${e.id}`}>{subjectOf(e)}</Link>
                          {!e.subject && <span class="cell-sub">{t('outbox.notWritten')}</span>}
                        </th>
                        <td data-label={t('outbox.recipient')}>
                          <span class="mono-wrap">{e.recipient ?? t('outbox.noRecipient')}</span>
                          <span class="cell-sub">
                            <Link href={`/admin/outbox?user_id=${e.user.id}`}>{e.user.display_name || e.user.username}</Link>
                          </span>
                        </td>
                        <td data-label={t('outbox.kind')}>{label('okind', e.kind)}</td>
                        <td data-label={t('outbox.state')}>
                          <OutboxBadge state={e.state} />
                        </td>
                        <td data-label={t('outbox.attempts')} class="num">
                          {formatNumber(e.attempts)}
                        </td>
                        <td data-label={t('outbox.created_at')} class="when">
                          {formatDateTime(e.created_at)}
                        </td>
                        <td data-label={t('outbox.sent_at')} class="when">
                          {formatDateTime(e.sent_at)}
                        </td>
                        <td data-label={t('outbox.last_error')} class={e.state === 'failed' && e.last_error ? 'error' : 'none'}>
                          {e.state === 'failed' && e.last_error ? e.last_error : '—'}
                        </td>
                        <td data-label={t('common.actions')} class={e.state === 'failed' ? 'act' : 'act none'}>
                          {e.state === 'failed' ? <RetryButton entry={e} onDone={(r) => setChanged({ ...changed, [r.id]: r })} /> : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}
