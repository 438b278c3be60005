// One scheme: its period and targets, and its progress year by year as a table and a chart.
import { lazy, Suspense } from 'preact/compat';
import { api } from '../../api/client';
import type { SchemeProgress } from '../../api/types';
import { Async, Empty, Loading } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { indicatorName, indicatorShort } from '../../components/Indicators';
import { Link } from '../../components/Link';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatIndicator, formatPct } from '../../format';
import { label, t } from '../../i18n';
import type { PageProps } from '../../routes';

const LineChart = lazy(() => import('../../charts/LineChart'));

export default function SchemePage({ params }: PageProps) {
  const progress = useFetch((signal) => api<SchemeProgress>(`/schemes/${params.id}/progress`, { signal }), [params.id]);
  usePageTitle(progress.data?.scheme.title ?? t('scheme.title'));
  if (progress.error?.status === 404 || progress.error?.status === 400)
    return (
      <>
        <p class="crumbs">
          <Link href="/schemes">{t('scheme.title')}</Link>
        </p>
        <h1>{t('scheme.notFound')}</h1>
      </>
    );
  return (
    <Async state={progress} isEmpty={() => false}>
      {({ scheme: s, targets }) => {
        const years = targets[0]?.years.map((y) => y.year) ?? [];
        return (
          <>
            <p class="crumbs">
              <Link href="/schemes">{t('scheme.title')}</Link>
            </p>
            <h1>{s.title}</h1>
            <p class="card-head">
              <Badge kind={`s-${s.status}`} text={label('sstatus', s.status)} />
              <span class="meta">{t('scheme.period', { from: s.period_start, to: s.period_end })}</span>
            </p>
            {s.description && <p>{s.description}</p>}
            <section aria-labelledby="prog-h">
              <h2 id="prog-h">{t('scheme.progress')}</h2>
              {targets.length === 0 ? (
                <Empty message={t('scheme.noTargets')} />
              ) : (
                <>
                  <p class="hint">{t('scheme.progress.lead', { year: s.period_end })}</p>
                  <div class="table-wrap" tabIndex={0} role="region" aria-label={t('scheme.progress')}>
                    <table class="stack" data-testid="scheme-progress">
                      <caption class="sr-only">{t('scheme.progress')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('dash.col.indicator')}</th>
                          {years.map((y) => (
                            <th key={y} scope="col" class="num">
                              {y}
                            </th>
                          ))}
                          <th scope="col" class="num">
                            {t('scheme.target', { year: s.period_end })}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {targets.map((row) => (
                          <tr key={row.indicator} data-code={row.indicator}>
                            <th scope="row">{indicatorName(row.indicator)}</th>
                            {row.years.map((y) => (
                              <td key={y.year} class="num" data-label={String(y.year)}>
                                {y.actual === null ? (
                                  <span class="muted">{t('scheme.noData')}</span>
                                ) : (
                                  <>
                                    {formatIndicator(y.actual, row.unit)}
                                    <span class="cell-sub">{formatPct(y.achievement_pct)}</span>
                                  </>
                                )}
                              </td>
                            ))}
                            <td class="num strong" data-label={t('scheme.target', { year: s.period_end })}>{formatIndicator(row.target, row.unit)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <h3 class="chart-title">{t('scheme.chart')}</h3>
                  <Suspense fallback={<Loading />}>
                    <LineChart
                      title={t('scheme.chart')}
                      years={years}
                      reference={100}
                      format={formatPct}
                      series={targets.map((row) => ({ label: indicatorShort(row.indicator), values: row.years.map((y) => y.achievement_pct) }))}
                    />
                  </Suspense>
                </>
              )}
            </section>
          </>
        );
      }}
    </Async>
  );
}
