// The signed-in user's notifications; opening one marks it read.
import { api, ApiError } from '../../api/client';
import type { NotificationPage } from '../../api/types';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { Link } from '../../components/Link';
import { refreshUnread } from '../../components/NotificationBell';
import { notify } from '../../components/Notices';
import { Pagination } from '../../components/Pagination';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';
import { useQuery } from '../../router';

export default function Notifications() {
  usePageTitle(t('notif.title'));
  const [q, setQ] = useQuery();
  const unread = q.get('unread') === '1';
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<NotificationPage>('/notifications', { query: { unread: unread ? 1 : undefined, page, per_page: 20 }, signal }), [unread, page]);
  const markRead = async (id: number) => {
    try {
      await api(`/notifications/${id}/read`, { method: 'POST' });
      notify(t('notif.read'));
      list.reload();
      refreshUnread();
    } catch (e) {
      notify(e instanceof ApiError ? e.summary : String(e), 'error');
    }
  };
  return (
    <>
      <h1>{t('notif.title')}</h1>
      <label class="check">
        <input type="checkbox" checked={unread} onChange={(e) => setQ({ unread: (e.currentTarget as HTMLInputElement).checked ? '1' : null })} />
        <span>{t('notif.onlyUnread')}</span>
      </label>
      <Async state={list} empty={t('notif.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('app.notifications.unread', { n: p.unread })}</p>
            <ul class="cards" data-testid="notifications">
              {p.items.map((n) => (
                <li key={n.id} class={`card${n.read ? '' : ' card-unread'}`}>
                  <div class="card-head">
                    {!n.read && <Badge kind="unread" text={t('notif.unread')} />}
                    <span class="meta">{formatDateTime(n.created_at)}</span>
                  </div>
                  <p>{n.message}</p>
                  <p class="actions">
                    {n.petition_id && (
                      <Link href={`/petitions/${n.petition_id}`} class="btn" onClick={() => !n.read && markRead(n.id)}>
                        {t('notif.open')}
                      </Link>
                    )}
                    {n.directive_id && (
                      <Link href="/directives" class="btn" onClick={() => !n.read && markRead(n.id)}>
                        {t('nav.directives')}
                      </Link>
                    )}
                    {!n.read && (
                      <button type="button" class="btn" onClick={() => markRead(n.id)}>
                        {t('notif.markRead')}
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(x) => setQ({ page: String(x) })} />
          </>
        )}
      </Async>
    </>
  );
}
