// The public start page: the province's headline figures against the plan (GET /api/v1/indicators,
// computed from the register), and the latest answers.
import { api } from '../../api/client';
import type { Indicators, Page, PublicPetition } from '../../api/types';
import { CLASSIFICATIONS, KINDS } from '../../api/types';
import { Async } from '../../components/Async';
import { Bars } from '../../components/Bars';
import { HeadlineTiles } from '../../components/Indicators';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNumber } from '../../format';
import { label, t } from '../../i18n';
import { useProvinceName } from '../../province';

export function Home() {
  usePageTitle(undefined);
  const province = useProvinceName();
  // Without a year: the latest year with figures.
  const stats = useFetch((signal) => api<Indicators>('/indicators', { signal }), []);
  const published = useFetch((signal) => api<Page<unknown>>('/public/petitions', { query: { per_page: 1 }, signal }).then((p) => p.total), []);
  const latest = useFetch((signal) => api<Page<PublicPetition>>('/public/petitions', { query: { per_page: 3 }, signal }), []);
  return (
    <>
      <section class="hero">
        <h1>{province ? t('home.title', { province }) : t('app.taglineNoName')}</h1>
        <p class="lead">{t('home.lead')}</p>
      </section>

      <section aria-labelledby="stats-h">
        <h2 id="stats-h">{t('home.stats')}</h2>
        <Async state={stats} isEmpty={() => false}>
          {(s) => (
            <>
              <p class="meta">{t('home.stats.year', { year: s.year })}</p>
              <HeadlineTiles d={s} />
              <div class="grid-2">
                <Bars title={t('home.byKind')} rows={KINDS.map((k) => ({ label: label('kind', k), value: s.cooperatives_by_kind[k] ?? 0 }))} />
                <Bars title={t('home.byClass', { year: s.year })} rows={CLASSIFICATIONS.map((c) => ({ label: label('class', c), value: s.cooperatives_by_classification[c] ?? 0 }))} />
              </div>
              <p class="hint">
                {t('home.stats.note')}
                {published.data !== undefined && <> {t('home.published', { n: formatNumber(published.data) })}</>}
              </p>
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
          <li>
            <Link href="/awards">
              <strong>{t('awards.title')}</strong>
              <span>{t('home.link.awards')}</span>
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
