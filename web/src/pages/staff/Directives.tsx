// Directives: the list (a department sees its own first), new ones, progress reports.
import { api } from '../../api/client';
import type { Directive, Page } from '../../api/types';
import { Async } from '../../components/Async';
import { DirectiveCards } from '../../components/DirectiveCards';
import { DirectiveForm } from '../../components/DirectiveForm';
import { Select } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';
import { useSession } from '../../session';

export default function Directives() {
  usePageTitle(t('dir.title'));
  const { user } = useSession();
  const [q, setQ] = useQuery();
  const status = q.get('status') ?? '';
  const page = Number(q.get('page') ?? 1);
  const agency = user?.role === 'department' ? user.agency_id : undefined;
  const list = useFetch((signal) => api<Page<Directive>>('/directives', { query: { status, agency, page, per_page: 20 }, signal }), [status, page]);
  const canIssue = user?.role === 'leader' || user?.role === 'alliance';
  return (
    <>
      <h1>{t('dir.title')}</h1>
      {canIssue && (
        <details class="panel">
          <summary>{t('dir.new')}</summary>
          <DirectiveForm onDone={list.reload} />
        </details>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Select id="dir-status" label={t('common.status')} value={status} onValue={(v) => setQ({ status: v })} placeholder={t('common.all')} options={(['open', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: label('dstatus', s) }))} />
      </form>
      <Async state={list} empty={t('dir.empty')}>
        {(p) => (
          <>
            <DirectiveCards items={p.items} onChange={list.reload} />
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}
