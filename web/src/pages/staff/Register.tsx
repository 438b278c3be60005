// The register (Alliance, admin): search, filters, sort, pages, export, and the way to add or import.
import { api, qs } from '../../api/client';
import type { Cooperative, Page } from '../../api/types';
import { CLASSIFICATIONS, COOP_STATUSES, KINDS, SECTORS } from '../../api/types';
import { Async } from '../../components/Async';
import { Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pagination } from '../../components/Pagination';
import { PlaceFilter } from '../../components/PlaceFilter';
import { SearchBox } from '../../components/SearchBox';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { label, t, type MsgKey } from '../../i18n';
import { navigate, useQuery } from '../../router';

const SORTS = ['name', '-name', 'registration_code', '-founded_on', 'founded_on', '-members'];
const FILTERS = ['q', 'kind', 'district', 'commune', 'sector', 'status', 'classification', 'year'] as const;

export default function Register() {
  usePageTitle(t('register.title'));
  const [q, setQ] = useQuery();
  const f = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const sort = q.get('sort') ?? 'name';
  const page = Number(q.get('page') ?? 1);
  const query = { ...f, sort, page, per_page: 25 };
  const list = useFetch((signal) => api<Page<Cooperative>>('/cooperatives', { query, signal }), [JSON.stringify(query)]);
  const year = new Date().getFullYear();
  const years = [year, year - 1, year - 2, year - 3, year - 4].map(String);
  const anyFilter = FILTERS.some((k) => f[k]);
  return (
    <>
      <h1>{t('register.title')}</h1>
      <p class="actions">
        <Link href="/register/new" class="btn btn-primary">
          {t('register.new')}
        </Link>
        <Link href="/register/import" class="btn">
          {t('register.import')}
        </Link>
        <a class="btn" href={`/api/v1/cooperatives/export${qs({ ...f, sort, format: 'csv' })}`} download>
          {t('register.exportCsv')}
        </a>
        <a class="btn" href={`/api/v1/cooperatives/export${qs({ ...f, sort, format: 'xlsx' })}`} download>
          {t('register.exportXlsx')}
        </a>
      </p>
      <form class="filters filters-wide" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchBox id="reg-q" label={t('directory.q')} value={f.q} onSearch={(v) => setQ({ q: v })} />
        <Select id="reg-kind" label={t('coop.kind')} value={f.kind} onValue={(v) => setQ({ kind: v })} placeholder={t('common.all')} options={KINDS.map((k) => ({ value: k, label: label('kind', k) }))} />
        <PlaceFilter idPrefix="reg" district={f.district} commune={f.commune} onPlace={(v) => setQ(v)} />
        <Select id="reg-sector" label={t('coop.sector')} value={f.sector} onValue={(v) => setQ({ sector: v })} placeholder={t('common.all')} options={SECTORS.map((s) => ({ value: s, label: label('sector', s) }))} />
        <Select id="reg-status" label={t('coop.status')} value={f.status} onValue={(v) => setQ({ status: v })} placeholder={t('common.all')} options={COOP_STATUSES.map((s) => ({ value: s, label: label('cstatus', s) }))} />
        <Select id="reg-class" label={t('coop.classification')} value={f.classification} onValue={(v) => setQ({ classification: v })} placeholder={t('common.all')} options={CLASSIFICATIONS.map((c) => ({ value: c, label: label('class', c) }))} />
        <Select id="reg-year" label={t('common.year')} value={f.year} onValue={(v) => setQ({ year: v })} placeholder={t('common.all')} options={years.map((y) => ({ value: y, label: y }))} />
        <Select id="reg-sort" label={t('common.sort')} value={sort} onValue={(v) => setQ({ sort: v })} placeholder={false} options={SORTS.map((s) => ({ value: s, label: t(`sort.${s}` as MsgKey) }))} />
        {anyFilter && (
          <div class="field field-button">
            <button type="button" class="btn-link" onClick={() => navigate('/register', { replace: true })}>
              {t('common.reset')}
            </button>
          </div>
        )}
      </form>
      <Async state={list} empty={t('register.empty')}>
        {(p) => (
          <>
            <p class="count" role="status">{t('common.results', { n: formatNumber(p.total) })}</p>
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('register.title')}>
              <table class="register" data-testid="register">
                <thead>
                  <tr>
                    <th scope="col">{t('coop.name')}</th>
                    <th scope="col">{t('coop.registration_code')}</th>
                    <th scope="col">{t('coop.district')}</th>
                    <th scope="col">{t('coop.sector')}</th>
                    <th scope="col">{t('coop.status')}</th>
                    <th scope="col" class="num">{t('coop.members')}</th>
                    <th scope="col">{t('coop.classification')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link href={`/register/${c.id}`}>{c.name}</Link>
                      </th>
                      <td>{c.registration_code ?? '—'}</td>
                      <td>{c.district?.name ?? '—'}</td>
                      <td>{label('sector', c.sectors[0])}</td>
                      <td>{label('cstatus', c.status)}</td>
                      <td class="num">{formatNumber(c.latest_figures?.members)}</td>
                      <td>
                        {label('class', c.latest_figures?.classification)}
                        {c.latest_figures && <span class="meta"> ({c.latest_figures.year})</span>}
                      </td>
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
