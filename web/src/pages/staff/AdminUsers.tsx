// The administrator's accounts: search, filters by role and state, pages, and a new account
// (whose activation link is shown to copy).
import { api } from '../../api/client';
import type { Account, Page } from '../../api/types';
import { ACCOUNT_STATUSES, ROLES } from '../../api/types';
import { AccountForm } from '../../components/AccountForm';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';

export default function AdminUsers() {
  usePageTitle(t('users.title'));
  const [q, setQ] = useQuery();
  const f = { q: q.get('q') ?? '', role: q.get('role') ?? '', status: q.get('status') ?? '' };
  const page = Number(q.get('page') ?? 1);
  const query = { ...f, page, per_page: 25 };
  const list = useFetch((signal) => api<Page<Account>>('/users', { query, signal }), [JSON.stringify(query)]);
  return (
    <>
      <h1>{t('users.title')}</h1>
      <details class="panel" open={q.get('new') === '1'}>
        <summary>{t('users.new')}</summary>
        <AccountForm id="new-user" submitLabel={t('users.create')} showOpen onCreated={() => list.reload()} />
      </details>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox id="users-q" label={t('users.q')} value={f.q} onSearch={(v) => setQ({ q: v })} />
        <Select id="users-role" label={t('user.role')} value={f.role} onValue={(v) => setQ({ role: v })} placeholder={t('common.all')} options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
        <Select id="users-status" label={t('user.status')} value={f.status} onValue={(v) => setQ({ status: v })} placeholder={t('common.all')} options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: label('astat', s) }))} />
      </form>
      <Async state={list} empty={t('users.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) })}</p>
            <div class="table-wrap">
              <table class="stack" data-testid="users">
                <thead>
                  <tr>
                    <th scope="col">{t('user.display_name')}</th>
                    <th scope="col">{t('user.username')}</th>
                    <th scope="col">{t('user.role')}</th>
                    <th scope="col">{t('user.where')}</th>
                    <th scope="col">{t('user.status')}</th>
                    <th scope="col">{t('user.totp')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        <Link href={`/admin/users/${u.id}`}>{u.display_name || u.username}</Link>
                      </th>
                      <td data-label={t('user.username')}>{u.username}</td>
                      <td data-label={t('user.role')}>{label('role', u.role)}</td>
                      <td data-label={t('user.where')}>{u.agency?.name ?? u.cooperative?.name ?? '—'}</td>
                      <td data-label={t('user.status')}>
                        <Badge kind={`u-${u.status}`} text={label('astat', u.status)} />
                      </td>
                      <td data-label={t('user.totp')}>{u.totp_enabled ? t('user.totp.on') : t('user.totp.off')}</td>
                    </tr>
                  ))}
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
