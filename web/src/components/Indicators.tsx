// The collective economy's indicators: headline tiles and the table against the plan.
import type { Indicator, IndicatorCode, Indicators } from '../api/types';
import { formatIndicator, formatMoneyWords, formatNumber, formatPct } from '../format';
import { t, type MsgKey } from '../i18n';

export const indicatorName = (code: IndicatorCode | string) => t(`ind.${code}` as MsgKey);
export const indicatorShort = (code: IndicatorCode | string) => t(`short.${code}` as MsgKey);

const find = (d: Indicators, code: IndicatorCode): Indicator | undefined => d.indicators.find((i) => i.code === code);

/** "Đạt 100% kế hoạch" under a tile, when the plan has a target. */
function OfPlan({ i, show }: { i?: Indicator; show: boolean }) {
  if (!show || !i || i.achievement_pct === null) return null;
  return <span class="tile-sub">{t('dash.ofPlan', { pct: formatPct(i.achievement_pct) })}</span>;
}

/** Cooperatives, members, average income (in words), share rated good or fair, OCOP products. */
export function HeadlineTiles({ d, plan = true }: { d: Indicators; plan?: boolean }) {
  return (
    <dl class="tiles tiles-5" data-testid="headline">
      <div class="tile">
        <dt>{indicatorName('cooperatives')}</dt>
        <dd>
          <span data-testid="hl-cooperatives">{formatNumber(d.cooperatives)}</span>
          <OfPlan i={find(d, 'cooperatives')} show={plan} />
        </dd>
      </div>
      <div class="tile">
        <dt>{indicatorName('members')}</dt>
        <dd>
          <span data-testid="hl-members">{formatNumber(d.members)}</span>
          <OfPlan i={find(d, 'members')} show={plan} />
        </dd>
      </div>
      <div class="tile">
        <dt>{indicatorName('avg_income_vnd')}</dt>
        <dd>
          <span data-testid="hl-income">{formatMoneyWords(d.avg_income_vnd)}</span>
          <span class="tile-unit">{t('dash.perYear')}</span>
          <OfPlan i={find(d, 'avg_income_vnd')} show={plan} />
        </dd>
      </div>
      <div class="tile">
        <dt>{indicatorName('effective_share_pct')}</dt>
        <dd>
          <span data-testid="hl-effective">{formatPct(d.effective_share_pct)}</span>
          <OfPlan i={find(d, 'effective_share_pct')} show={plan} />
        </dd>
      </div>
      <div class="tile">
        <dt>{indicatorName('ocop_products')}</dt>
        <dd>
          <span data-testid="hl-ocop">{formatNumber(d.ocop_products)}</span>
          <OfPlan i={find(d, 'ocop_products')} show={plan} />
        </dd>
      </div>
    </dl>
  );
}

/** Every plan indicator: actual, target and achievement (the last two only against a plan). */
export function IndicatorTable({ items, caption, plan = true }: { items: Indicator[]; caption: string; plan?: boolean }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="stack" data-testid="indicator-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.col.indicator')}</th>
            <th scope="col" class="num">
              {t('dash.col.actual')}
            </th>
            {plan && (
              <>
                <th scope="col" class="num">
                  {t('dash.col.target')}
                </th>
                <th scope="col" class="num">
                  {t('dash.col.pct')}
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.code} data-code={i.code}>
              <th scope="row">{indicatorName(i.code)}</th>
              <td class="num" data-label={t('dash.col.actual')}>
                {formatIndicator(i.value, i.unit)}
              </td>
              {plan && (
                <>
                  <td class="num" data-label={t('dash.col.target')}>
                    {i.target === null ? <span class="muted">{t('dash.noPlan')}</span> : formatIndicator(i.target, i.unit)}
                  </td>
                  <td class={`num${i.achievement_pct !== null && i.achievement_pct < 100 ? ' below' : ''}`} data-label={t('dash.col.pct')}>
                    {formatPct(i.achievement_pct)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
