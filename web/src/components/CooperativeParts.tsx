// Pieces of a cooperative's page shared by the public page, the register and the coop's own space.
import type { Contract, Cooperative, Product, Year } from '../api/types';
import { formatDate, formatMoney, formatMoneyWords, formatNumber } from '../format';
import { label, t } from '../i18n';
import { Empty } from './Async';
import { Stars } from './Badges';

export function CooperativeFacts({ c, contact = false }: { c: Cooperative; contact?: boolean }) {
  const current = c.current_communes.filter((x) => x.code !== c.commune?.code || x.name !== c.commune?.name);
  return (
    <dl class="facts">
      <div>
        <dt>{t('coop.kind')}</dt>
        <dd>{label('kind', c.kind)}</dd>
      </div>
      <div>
        <dt>{t('coop.registration_code')}</dt>
        <dd>{c.registration_code ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('coop.address')}</dt>
        <dd>
          {c.address}
          {c.commune && (
            <>
              <br />
              {c.commune.name}, {c.district?.name}
            </>
          )}
          {current.length > 0 && (
            <>
              <br />
              <span class="hint">{t('coop.commune.current', { names: current.map((x) => x.name).join(', ') })}</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('coop.sectors')}</dt>
        <dd>{c.sectors.map((s) => label('sector', s)).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('coop.founded_on')}</dt>
        <dd>{formatDate(c.founded_on)}</dd>
      </div>
      <div>
        <dt>{t('coop.charter')}</dt>
        <dd>{formatMoney(c.charter_capital_vnd)}</dd>
      </div>
      <div>
        <dt>{t('coop.status')}</dt>
        <dd>{label('cstatus', c.status)}</dd>
      </div>
      <div>
        <dt>{t('coop.representative')}</dt>
        <dd>
          {c.representative.name || '—'}
          {c.representative.title && `, ${c.representative.title}`}
          {contact && c.representative.phone && (
            <>
              <br />
              {t('coop.rep.phone')}: {c.representative.phone}
            </>
          )}
          {contact && c.representative.email && (
            <>
              <br />
              {t('coop.rep.email')}: {c.representative.email}
            </>
          )}
        </dd>
      </div>
      {c.latest_figures && (
        <div>
          <dt>{t('coop.latest', { year: c.latest_figures.year })}</dt>
          <dd>
            {t('coop.members')}: {formatNumber(c.latest_figures.members)}
            {c.latest_figures.classification && (
              <>
                {' · '}
                {t('coop.classification')}: {label('class', c.latest_figures.classification)}
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function ProductList({ items }: { items: Product[] }) {
  if (!items.length) return <Empty message={t('coop.products.none')} />;
  return (
    <ul class="cards products">
      {items.map((p) => (
        <li key={p.id} class="card">
          <h3>{p.name}</h3>
          <p>
            <Stars n={p.stars} /> <span class="meta">{label('pgroup', p.group)}</span>
            {p.expired && (
              <>
                {' '}
                <span class="badge badge-expired" data-testid="ocop-expired">
                  {t('product.expiredBadge')}
                </span>
              </>
            )}
          </p>
          <p class="meta">
            {t('product.decision', { no: p.decision_no, date: formatDate(p.decided_on) })} ·{' '}
            {!p.expired ? t('product.expires', { date: formatDate(p.expires_on) }) : t('product.expired', { date: formatDate(p.expires_on) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function YearsTable({ items }: { items: Year[] }) {
  if (!items.length) return <Empty message={t('coop.years.none')} />;
  const last = items[0];
  return (
    <>
    <p class="headline" data-testid="year-headline">
      {t('year.headline', { year: last.year, revenue: formatMoneyWords(last.revenue_vnd), income: formatMoneyWords(last.avg_income_vnd) })}
    </p>
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('coop.years')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.year')}</th>
            <th scope="col">{t('year.members_official')}</th>
            <th scope="col">{t('year.members_associate')}</th>
            <th scope="col">{t('year.workers')}</th>
            <th scope="col">{t('year.revenue')}</th>
            <th scope="col">{t('year.profit')}</th>
            <th scope="col">{t('year.income')}</th>
            <th scope="col">{t('coop.classification')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td class="num">{formatNumber(y.members_official)}</td>
              <td class="num">{formatNumber(y.members_associate)}</td>
              <td class="num">{formatNumber(y.workers)}</td>
              <td class="num">{formatMoney(y.revenue_vnd)}</td>
              <td class="num">{formatMoney(y.profit_vnd)}</td>
              <td class="num">{formatMoney(y.avg_income_vnd)}</td>
              <td>
                {label('class', y.classification)}
                {y.classification_score !== null && ` (${y.classification_score})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}

export function ContractList({ items }: { items: Contract[] }) {
  if (!items.length) return <Empty message={t('coop.contracts.none')} />;
  return (
    <ul class="cards">
      {items.map((c) => (
        <li key={c.id} class="card">
          <h3>{c.partner}</h3>
          <p class="meta">
            {t('contract.product')}: {c.product} · {t('contract.volume')}: {c.volume} · {t('contract.period')}: {formatDate(c.valid_from)} – {formatDate(c.valid_to)}
          </p>
        </li>
      ))}
    </ul>
  );
}
