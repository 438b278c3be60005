// The audit log: filters (user, kind, object, dates), pages, and the same query as CSV. The
// administrator sees everything; the leadership and the Alliance the petitions' entries (the
// server forces that filter).
import { useState } from 'preact/hooks';
import { api, qs } from '../../api/client';
import type { Account, AuditEntry, Page } from '../../api/types';
import { AUDIT_KINDS, AUDIT_OBJECTS } from '../../api/types';
import { Async } from '../../components/Async';
import { Input, Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNumber } from '../../format';
import { label, t } from '../../i18n';
import { navigate, useQuery } from '../../router';
import { useSession } from '../../session';

const FILTERS = ['user', 'kind', 'object_type', 'object_id', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export default function Audit() {
  usePageTitle(t('audit.title'));
  const { user } = useSession();
  const admin = user?.role === 'admin';
  const [q, setQ] = useQuery();
  const f = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? ''])) as Filters;
  if (!admin) f.object_type = '';
  const page = Number(q.get('page') ?? 1);
  const query = { ...f, page, per_page: 50 };
  const list = useFetch((signal) => api<Page<AuditEntry>>('/audit', { query, signal }), [JSON.stringify(query)]);
  const [draft, setDraft] = useState<Filters>(f);
  const [userError, setUserError] = useState('');
  const set = (k: keyof Filters) => (x: string) => setDraft({ ...draft, [k]: x });
  // The server filters by the user's id; a username typed is looked up first (the
  // administrator sees every account, the Alliance the cooperatives' ones).
  const apply = async (e: Event) => {
    e.preventDefault();
    setUserError('');
    const typed = draft.user.trim();
    let userId = typed;
    if (typed && !/^\d+$/.test(typed) && (admin || user?.role === 'alliance')) {
      try {
        const found = await api<Page<Account>>('/users', { query: { q: typed, per_page: 20 } });
        const exact = found.items.find((u) => u.username.toLowerCase() === typed.toLowerCase()) ?? (found.items.length === 1 ? found.items[0] : undefined);
        if (!exact) {
          setUserError(t('audit.userNotFound', { name: typed }));
          return;
        }
        userId = String(exact.id);
      } catch {
        /* the server names the problem next to the field */
      }
    }
    setQ({ ...draft, user: userId });
  };
  const fieldErrors = list.error?.fieldErrors() ?? {};
  const any = FILTERS.some((k) => f[k]);
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="lead">{admin ? t('audit.lead') : t('audit.lead.petitions')}</p>
      <form class="filters" role="search" aria-label={t('common.filters')} onSubmit={apply}>
        <Input id="audit-user" label={t('audit.user')} value={draft.user} onValue={set('user')} error={userError || fieldErrors.user} autoCapitalize="none" spellcheck={false} />
        <Select id="audit-kind" label={t('audit.kind')} value={draft.kind} onValue={set('kind')} error={fieldErrors.kind} placeholder={t('common.all')} options={AUDIT_KINDS.map((k) => ({ value: k, label: label('akd', k) }))} />
        {admin && <Select id="audit-object_type" label={t('audit.object_type')} value={draft.object_type} onValue={set('object_type')} placeholder={t('common.all')} options={AUDIT_OBJECTS.map((k) => ({ value: k, label: label('aobj', k) }))} />}
        <Input id="audit-object_id" label={t('audit.object_id')} value={draft.object_id} onValue={set('object_id')} error={fieldErrors.object_id} />
        <Input id="audit-from" type="date" label={t('common.from')} value={draft.from} onValue={set('from')} error={fieldErrors.from} />
        <Input id="audit-to" type="date" label={t('common.to')} value={draft.to} onValue={set('to')} error={fieldErrors.to} />
        <div class="field field-button">
          <button type="submit" class="btn btn-primary">
            {t('common.apply')}
          </button>
        </div>
        {any && (
          <div class="field field-button">
            <button
              type="button"
              class="btn-link"
              onClick={() => {
                setDraft(Object.fromEntries(FILTERS.map((k) => [k, ''])) as Filters);
                navigate('/audit', { replace: true });
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        )}
      </form>
      <p class="actions">
        <a class="btn" href={`/api/v1/audit/export${qs(f)}`} download>
          {t('audit.export')}
        </a>
      </p>
      <Async state={list} empty={t('audit.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) })}</p>
            <div class="table-wrap">
              <table class="stack audit" data-testid="audit">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('app.user')}</th>
                    <th scope="col">{t('audit.kind')}</th>
                    <th scope="col">{t('audit.object_type')}</th>
                    <th scope="col">{t('audit.summary')}</th>
                    <th scope="col">{t('audit.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{formatDateTime(e.at)}</th>
                      <td data-label={t('app.user')}>{e.user ? e.user.username : t('audit.anonymous')}</td>
                      <td data-label={t('audit.kind')}>{label('akd', e.kind)}</td>
                      <td data-label={t('audit.object_type')}>
                        {label('aobj', e.object_type)}
                        {e.object_id && (
                          <>
                            {' '}
                            {e.object_type === 'petitions' && /^\d+$/.test(e.object_id) ? <Link href={`/petitions/${e.object_id}`}>#{e.object_id}</Link> : <span class="code">#{e.object_id}</span>}
                          </>
                        )}
                      </td>
                      <td data-label={t('audit.summary')}>
                        <code class="summary">{e.summary || '—'}</code>
                      </td>
                      <td data-label={t('audit.address')}>{e.address || '—'}</td>
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
