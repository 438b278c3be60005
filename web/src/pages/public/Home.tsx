// The public start page: the province's headline figures from the register, and the latest answers.
import { api } from '../../api/client';
import type { Page, PublicPetition } from '../../api/types';
import { CLASSIFICATIONS, KINDS } from '../../api/types';
import { Async } from '../../components/Async';
import { Bars } from '../../components/Bars';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber } from '../../format';
import { label, t } from '../../i18n';
import type { Query } from '../../api/client';

const count = (query: Query, signal: AbortSignal) =>
  api<Page<unknown>>('/cooperatives', { query: { ...query, per_page: 1 }, signal }).then((p) => p.total);

/** The latest year with figures on file (the previous year, usually). */
async function latestYear(signal: AbortSignal): Promise<number> {
  const now = new Date().getFullYear();
  for (let y = now; y > now - 4; y--) if ((await count({ year: y }, signal)) > 0) return y;
  return now - 1;
}

type Stats = {
  total: number;
  active: number;
  year: number;
  byKind: Record<string, number>;
  byClass: Record<string, number>;
  published: number;
};

async function loadStats(signal: AbortSignal): Promise<Stats> {
  const year = await latestYear(signal);
  const [total, active, published, kinds, classes] = await Promise.all([
    count({}, signal),
    count({ status: 'active' }, signal),
    api<Page<unknown>>('/public/petitions', { query: { per_page: 1 }, signal }).then((p) => p.total),
    Promise.all(KINDS.map((k) => count({ kind: k }, signal))),
    Promise.all(CLASSIFICATIONS.map((c) => count({ classification: c, year }, signal))),
  ]);
  return {
    total,
    active,
    year,
    published,
    byKind: Object.fromEntries(KINDS.map((k, i) => [k, kinds[i]])),
    byClass: Object.fromEntries(CLASSIFICATIONS.map((c, i) => [c, classes[i]])),
  };
}

export function Home() {
  usePageTitle(undefined);
  const stats = useFetch(loadStats, []);
  const latest = useFetch((signal) => api<Page<PublicPetition>>('/public/petitions', { query: { per_page: 3 }, signal }), []);
  return (
    <>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
      </section>

      <section aria-labelledby="stats-h">
        <h2 id="stats-h">{t('home.stats')}</h2>
        <Async state={stats} isEmpty={() => false}>
          {(s) => (
            <>
              <dl class="tiles" data-testid="headline">
                <div class="tile">
                  <dt>{t('home.total')}</dt>
                  <dd>{formatNumber(s.total)}</dd>
                </div>
                <div class="tile">
                  <dt>{t('home.active')}</dt>
                  <dd>{formatNumber(s.active)}</dd>
                </div>
                <div class="tile">
                  <dt>{t('home.goodFair', { year: s.year })}</dt>
                  <dd>{formatNumber((s.byClass.tot ?? 0) + (s.byClass.kha ?? 0))}</dd>
                </div>
                <div class="tile">
                  <dt>{t('home.published')}</dt>
                  <dd>{formatNumber(s.published)}</dd>
                </div>
              </dl>
              <div class="grid-2">
                <Bars title={t('home.byKind')} rows={KINDS.map((k) => ({ label: label('kind', k), value: s.byKind[k] }))} />
                <Bars title={t('home.byClass', { year: s.year })} rows={CLASSIFICATIONS.map((c) => ({ label: label('class', c), value: s.byClass[c] }))} />
              </div>
              <p class="hint">{t('home.stats.note')}</p>
            </>
          )}
        </Async>
      </section>

      <section aria-labelledby="links-h">
        <h2 id="links-h">{t('home.links')}</h2>
        <ul class="link-cards">
          <li>
            <Link href="/cooperatives">
              <strong>{t('nav.directory')}</strong>
              <span>{t('home.link.directory')}</span>
            </Link>
          </li>
          <li>
            <Link href="/answers">
              <strong>{t('nav.answers')}</strong>
              <span>{t('home.link.answers')}</span>
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="latest-h">
        <h2 id="latest-h">{t('home.latest')}</h2>
        <Async state={latest} empty={t('answers.empty')}>
          {(p) => (
            <ul class="cards">
              {p.items.map((a) => (
                <li key={a.code} class="card">
                  <h3>
                    <Link href={`/answers/${a.code}`}>{a.title}</Link>
                  </h3>
                  <p class="meta">
                    {a.code} · {a.cooperatives.map((c) => c.name).join(', ')}
                    {a.answered_on && <> · {formatDate(a.answered_on)}</>}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Async>
      </section>
    </>
  );
}
