// The Alliance's inbox: submitted petitions to receive, return with a reason, or merge.
import { api } from '../../api/client';
import type { Page, Petition } from '../../api/types';
import { ActionPanel } from '../../components/ActionPanel';
import { Async } from '../../components/Async';
import { Pagination } from '../../components/Pagination';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { t } from '../../i18n';
import { useQuery } from '../../router';

export default function Inbox() {
  usePageTitle(t('inbox.title'));
  const [q, setQ] = useQuery();
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { status: 'submitted', sort: 'created_at', page, per_page: 20 }, signal }), [page]);
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p class="lead">{t('inbox.lead')}</p>
      <Async state={list} empty={t('inbox.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.total', { n: formatNumber(p.total) })}</p>
            <PetitionCards
              items={p.items}
              extra={(x) => (
                <div class="card-actions">
                  <p class="clamp">{x.content}</p>
                  <ActionPanel petition={x} onDone={list.reload} />
                </div>
              )}
            />
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}
