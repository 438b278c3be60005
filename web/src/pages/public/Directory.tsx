// The public directory of cooperatives: search (diacritics optional) and filters; the place is
// an old district (before 1 July 2025) or a new commune.
import { api } from '../../api/client';
import type { Cooperative, Page } from '../../api/types';
import { KINDS, SECTORS } from '../../api/types';
import { Async } from '../../components/Async';
import { Select } from '../../components/Field';
import { PlaceFilter } from '../../components/PlaceFilter';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { SearchBox } from '../../components/SearchBox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { label, t } from '../../i18n';
import { useQuery } from '../../router';

export function Directory() {
  usePageTitle(t('directory.title'));
  const [q, setQ] = useQuery();
  const filters = { q: q.get('q') ?? '', kind: q.get('kind') ?? '', district: q.get('district') ?? '', commune: q.get('commune') ?? '', sector: q.get('sector') ?? '' };
  const page = Number(q.get('page') ?? 1);
  const list = useFetch((signal) => api<Page<Cooperative>>('/cooperatives', { query: { ...filters, page, per_page: 20 }, signal }), [JSON.stringify(filters), page]);
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p class="lead">{t('directory.lead')}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox id="dir-q" label={t('directory.q')} value={filters.q} onSearch={(v) => setQ({ q: v })} />
        <Select id="dir-kind" label={t('coop.kind')} value={filters.kind} onValue={(v) => setQ({ kind: v })} placeholder={t('common.all')} options={KINDS.map((k) => ({ value: k, label: label('kind', k) }))} />
        <PlaceFilter idPrefix="dir" district={filters.district} commune={filters.commune} onPlace={(v) => setQ(v)} />
        <Select id="dir-sector" label={t('coop.sector')} value={filters.sector} onValue={(v) => setQ({ sector: v })} placeholder={t('common.all')} options={SECTORS.map((s) => ({ value: s, label: label('sector', s) }))} />
      </form>
      <Async state={list} empty={t('directory.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) })}</p>
            <ul class="cards" data-testid="results">
              {p.items.map((c) => (
                <li key={c.id} class="card">
                  <h2 class="h3">
                    <Link href={`/cooperatives/${c.id}`}>{c.name}</Link>
                  </h2>
                  <p class="meta">
                    {label('kind', c.kind)} · {c.district?.name ?? c.province?.name ?? ''} · {c.sectors.map((s) => label('sector', s)).join(', ')}
                  </p>
                  <p class="meta">{c.address}</p>
                </li>
              ))}
            </ul>
            <Pagination page={p.page} perPage={p.per_page} total={p.total} onPage={(n) => setQ({ page: String(n) })} />
          </>
        )}
      </Async>
    </>
  );
}
