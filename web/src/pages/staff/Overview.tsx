// The leader's first screen: petitions by state, the overdue and due-soon ones, and directives.
// (The full dashboard comes with GET /api/v1/dashboard.)
import { lazy, Suspense } from 'preact/compat';
import { api } from '../../api/client';
import type { Directive, Page, Petition } from '../../api/types';
import { PETITION_STATES } from '../../api/types';
import { Async, Loading } from '../../components/Async';
import { Link } from '../../components/Link';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { DirectiveCards } from '../../components/DirectiveCards';
import { formatNumber } from '../../format';
import { label, t } from '../../i18n';

const BarChart = lazy(() => import('../../charts/BarChart'));

async function counts(signal: AbortSignal) {
  const totals = await Promise.all(PETITION_STATES.map((s) => api<Page<Petition>>('/petitions', { query: { status: s, per_page: 1 }, signal }).then((p) => p.total)));
  return PETITION_STATES.map((s, i) => ({ state: s, n: totals[i] }));
}

export default function Overview() {
  usePageTitle(t('overview.title'));
  const byState = useFetch(counts, []);
  const overdue = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { overdue: 1, sort: 'due_on', per_page: 10 }, signal }), []);
  const dueSoon = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { due_soon: 1, sort: 'due_on', per_page: 10 }, signal }), []);
  const directives = useFetch((signal) => api<Page<Directive>>('/directives', { query: { per_page: 10 }, signal }), []);
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p class="lead">{t('overview.lead')}</p>
      <section aria-labelledby="bystate-h">
        <h2 id="bystate-h">{t('overview.byState')}</h2>
        <Async state={byState} isEmpty={() => false}>
          {(rows) => (
            <div class="grid-2">
              <dl class="tiles tiles-small" data-testid="by-state">
                {rows.map((r) => (
                  <div class="tile" key={r.state}>
                    <dt>{label('state', r.state)}</dt>
                    <dd>
                      <Link href={`/petitions?status=${r.state}`}>{formatNumber(r.n)}</Link>
                    </dd>
                  </div>
                ))}
              </dl>
              <Suspense fallback={<Loading />}>
                <BarChart title={t('overview.chart')} labels={rows.map((r) => label('state', r.state))} values={rows.map((r) => r.n)} />
              </Suspense>
            </div>
          )}
        </Async>
      </section>
      <div class="grid-2">
        <section aria-labelledby="overdue-h">
          <h2 id="overdue-h">
            {t('overview.overdue')} {overdue.data && <span class="badge badge-overdue">{overdue.data.total}</span>}
          </h2>
          <Async state={overdue} empty={t('overview.none.overdue')}>
            {(p) => (
              <>
                <PetitionCards items={p.items} />
                {p.total > p.items.length && <Link href="/petitions?overdue=1">{t('common.viewAll')}</Link>}
              </>
            )}
          </Async>
        </section>
        <section aria-labelledby="duesoon-h">
          <h2 id="duesoon-h">
            {t('overview.dueSoon')} {dueSoon.data && <span class="badge badge-due-soon">{dueSoon.data.total}</span>}
          </h2>
          <Async state={dueSoon} empty={t('overview.none.dueSoon')}>
            {(p) => (
              <>
                <PetitionCards items={p.items} />
                {p.total > p.items.length && <Link href="/petitions?due_soon=1">{t('common.viewAll')}</Link>}
              </>
            )}
          </Async>
        </section>
      </div>
      <section aria-labelledby="dir-h">
        <h2 id="dir-h">{t('overview.directives')}</h2>
        <Async state={directives} empty={t('dir.empty')}>
          {(p) => <DirectiveCards items={p.items} />}
        </Async>
      </section>
    </>
  );
}
