// The dashboard (Tổng quan) of the leadership and the Alliance: the year's collective economy
// against the plan (for the province, a district or a commune), the petitions of the year, the
// oldest open petitions and the directives coming due.
import { lazy, Suspense } from 'preact/compat';
import { api } from '../../api/client';
import type { AgencyLatenessTable, Dashboard as DashboardData, Indicators } from '../../api/types';
import { AgencyTable } from '../../components/AgencyTable';
import { PETITION_STATES } from '../../api/types';
import { Async, Empty, Loading } from '../../components/Async';
import { StateBadge } from '../../components/Badges';
import { DirectiveCards } from '../../components/DirectiveCards';
import { Select } from '../../components/Field';
import { HeadlineTiles, IndicatorTable, indicatorShort } from '../../components/Indicators';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDecimal, formatNumber, formatPct, recentYears, thisYear } from '../../format';
import { label, t } from '../../i18n';
import { categories, categoryName, districts, newCommunes, useList } from '../../reference';
import { useQuery } from '../../router';

const BarChart = lazy(() => import('../../charts/BarChart'));


export default function Dashboard() {
  usePageTitle(t('dash.title'));
  const [q, setQ] = useQuery();
  const asked = q.get('year') ?? '';
  const district = q.get('district') ?? '';
  const commune = q.get('commune') ?? '';
  const dists = useList(districts);
  const comms = useList(newCommunes);
  const dash = useFetch((signal) => api<DashboardData>('/dashboard', { query: { year: asked }, signal }), [asked]);
  // The dashboard's year: the asked one, or the latest with figures before it.
  const year = dash.data?.year;
  const placed = !!(district || commune);
  const local = useFetch(
    (signal) => (placed && year ? api<Indicators>('/indicators', { query: { year, district, commune }, signal }) : Promise.resolve(null)),
    [placed, year, district, commune],
  );
  const placeName = district ? dists.find((d) => d.code === district)?.name : commune ? comms.find((c) => c.code === commune)?.name : undefined;

  return (
    <>
      <h1>{t('dash.title')}</h1>
      <p class="lead">{t('dash.lead')}</p>
      <form class="filters" aria-label={t('dash.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select id="dash-year" label={t('dash.year')} value={asked || String(thisYear())} onValue={(v) => setQ({ year: v === String(thisYear()) ? null : v })} placeholder={false} options={recentYears().map((y) => ({ value: String(y), label: String(y) }))} />
        <Select id="dash-district" label={t('dash.district')} value={district} onValue={(v) => setQ({ district: v, commune: null })} placeholder={t('dash.province')} options={dists.map((d) => ({ value: d.code, label: d.name }))} />
        <Select id="dash-commune" label={t('dash.commune')} value={commune} onValue={(v) => setQ({ commune: v, district: null })} placeholder={t('dash.province')} options={comms.map((c) => ({ value: c.code, label: c.name }))} />
      </form>

      <Async state={dash} isEmpty={() => false}>
        {(d) => (
          <>
            <section aria-labelledby="ind-h">
              <h2 id="ind-h">{t('dash.indicators', { year: d.year })}</h2>
              {Number(asked || thisYear()) !== d.year && <p class="notice-inline">{t('dash.latestNote', { asked: asked || thisYear(), year: d.year })}</p>}
              {placed ? (
                <>
                  <p class="meta">{t('dash.where', { place: placeName ?? district ?? commune })}</p>
                  <Async state={local} isEmpty={() => false}>
                    {(l) =>
                      l && (
                        <>
                          <HeadlineTiles d={l} plan={false} />
                          <p class="hint">{t('dash.placeNote')}</p>
                          <IndicatorTable items={l.indicators} caption={t('dash.indicators', { year: d.year })} plan={false} />
                        </>
                      )
                    }
                  </Async>
                </>
              ) : (
                <>
                  <p class="meta">{t('dash.where', { place: t('dash.province') })}</p>
                  <HeadlineTiles d={d.headline} />
                  <div class="grid-2">
                    <IndicatorTable items={d.headline.indicators} caption={t('dash.indicators', { year: d.year })} />
                    <Achievement d={d.headline} />
                  </div>
                </>
              )}
            </section>
            <Petitions d={d} />
            <Agencies year={Number(asked || thisYear())} />
            <section aria-labelledby="oldest-h">
              <h2 id="oldest-h">{t('dash.oldest')}</h2>
              {d.oldest_open.length === 0 ? (
                <Empty message={t('dash.oldest.none')} />
              ) : (
                <ul class="cards" data-testid="oldest-open">
                  {d.oldest_open.map((p) => (
                    <li key={p.id} class="card">
                      <div class="card-head">
                        <span class="code">{p.code}</span>
                        <StateBadge state={p.state} />
                      </div>
                      <h3>
                        <Link href={`/petitions/${p.id}`}>{p.title}</Link>
                      </h3>
                      <p class="meta">
                        {p.cooperative}
                        {p.submitted_at && <> · {t('dash.submitted', { date: formatDate(p.submitted_at) })}</>}
                        {p.due_on && (
                          <>
                            {' · '}
                            {t('petition.due_on')}: {formatDate(p.due_on)}
                          </>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="dirdue-h">
              <h2 id="dirdue-h">{t('dash.directives')}</h2>
              {d.directives_due.length === 0 ? <Empty message={t('dash.directives.none')} /> : <DirectiveCards items={d.directives_due} />}
            </section>
          </>
        )}
      </Async>
    </>
  );
}

/** The chart of achievement against the plan: the indicators that have a target. */
function Achievement({ d }: { d: Indicators }) {
  const rows = d.indicators.filter((i) => i.achievement_pct !== null);
  if (!rows.length) return <Empty message={t('dash.noPlan')} />;
  return (
    <Suspense fallback={<Loading />}>
      <BarChart title={t('dash.chart.achievement')} horizontal reference={100} format={formatPct} labels={rows.map((i) => indicatorShort(i.code))} values={rows.map((i) => i.achievement_pct!)} />
    </Suspense>
  );
}

/** Which agencies are late: the leader's question before a meeting. */
function Agencies({ year }: { year: number }) {
  const table = useFetch((signal) => api<AgencyLatenessTable>('/dashboard/agencies', { query: { year }, signal }), [year]);
  return (
    <section aria-labelledby="agencies-h">
      <h2 id="agencies-h">{t('late.title')}</h2>
      <p class="hint">{t('late.note', { year })}</p>
      <Async state={table} isEmpty={(x) => x.items.length === 0} empty={t('late.none')}>
        {(x) => <AgencyTable rows={x.items} year={x.year} />}
      </Async>
    </section>
  );
}

function Petitions({ d }: { d: DashboardData }) {
  const cats = useList(categories);
  const p = d.petitions;
  const year = (p as { year?: number }).year ?? d.year;
  const states = PETITION_STATES.filter((s) => (p.by_state[s] ?? 0) > 0);
  const byCat = Object.entries(p.by_category).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="pet-h">
      <h2 id="pet-h">{t('dash.petitions', { year })}</h2>
      <p class="hint">{t('dash.petitions.note')}</p>
      <dl class="tiles" data-testid="petition-figures">
        <div class="tile">
          <dt>{t('dash.onTime')}</dt>
          <dd>
            {formatPct(p.on_time_rate_pct)}
            {p.answered_with_due > 0 && <span class="tile-sub">{t('dash.onTime.of', { n: formatNumber(p.answered_on_time), m: formatNumber(p.answered_with_due) })}</span>}
          </dd>
        </div>
        <div class="tile tile-alert">
          <dt>{t('dash.overdue')}</dt>
          <dd>
            <Link href="/petitions?overdue=1">{formatNumber(p.overdue)}</Link>
          </dd>
        </div>
        <div class="tile tile-warn">
          <dt>{t('dash.dueSoon')}</dt>
          <dd>
            <Link href="/petitions?due_soon=1">{formatNumber(p.due_soon)}</Link>
          </dd>
        </div>
        <div class="tile">
          <dt>{t('dash.rating')}</dt>
          <dd>{p.average_rating === null ? '—' : `${formatDecimal(p.average_rating, 2)}/5`}</dd>
        </div>
      </dl>
      {states.length === 0 ? (
        <Empty message={t('dash.noPetitions', { year })} />
      ) : (
        <div class="grid-2">
          <div>
            <h3 class="chart-title">{t('dash.byState')}</h3>
            <Suspense fallback={<Loading />}>
              <BarChart title={t('dash.chart.byState')} labels={states.map((s) => label('state', s))} values={states.map((s) => p.by_state[s] ?? 0)} format={formatNumber} />
            </Suspense>
          </div>
          <div>
            <h3 class="chart-title">{t('dash.byCategory')}</h3>
            <Suspense fallback={<Loading />}>
              <BarChart title={t('dash.chart.byCategory')} horizontal color="#1d4ed8" labels={byCat.map(([c]) => categoryName(cats, c))} values={byCat.map(([, n]) => n)} format={formatNumber} />
            </Suspense>
          </div>
        </div>
      )}
    </section>
  );
}
