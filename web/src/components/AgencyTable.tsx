// "Which agencies are late": one row per lead agency, sortable by every column; each number is
// a link to the list of petitions behind it.
import { useState } from 'preact/hooks';
import type { AgencyLateness } from '../api/types';
import { formatNumber, formatPct } from '../format';
import { type MsgKey, t } from '../i18n';
import { Link } from './Link';

type Key = 'name' | 'assigned' | 'answered' | 'on_time_pct' | 'overdue' | 'oldest_overdue_days';
const COLUMNS: Key[] = ['name', 'assigned', 'answered', 'on_time_pct', 'overdue', 'oldest_overdue_days'];

function value(a: AgencyLateness, k: Key): number | string | null {
  return k === 'name' ? a.agency.name : a[k];
}

/** Empty values (no share, nothing overdue) last either way; ties by name. */
export function sortAgencies(rows: AgencyLateness[], k: Key, desc: boolean): AgencyLateness[] {
  return [...rows].sort((x, y) => {
    const a = value(x, k);
    const b = value(y, k);
    if ((a === null) !== (b === null)) return a === null ? 1 : -1;
    if (a !== b && a !== null && b !== null) {
      const c = typeof a === 'string' ? a.localeCompare(String(b), 'vi') : a - (b as number);
      return desc ? -c : c;
    }
    return x.agency.name.localeCompare(y.agency.name, 'vi');
  });
}

export function AgencyTable({ rows, year }: { rows: AgencyLateness[]; year: number }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'overdue', desc: true });
  const sorted = sortAgencies(rows, sort.key, sort.desc);
  const list = (a: AgencyLateness, extra: string) => `/petitions?lead_agency=${a.agency.id}${extra}`;
  const ofYear = `&year=${year}`;
  const header = (k: Key) => {
    const active = sort.key === k;
    return (
      <th scope="col" key={k} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} class={k === 'name' ? '' : 'num'}>
        <button type="button" class="th-sort" data-sort={k} onClick={() => setSort({ key: k, desc: active ? !sort.desc : k !== 'name' })}>
          {t(`late.col.${k}` as MsgKey)}
          <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('late.caption', { year })}>
      <table class="stack" data-testid="agency-table">
        <caption>{t('late.caption', { year })}</caption>
        <thead>
          <tr>{COLUMNS.map(header)}</tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={a.agency.id}>
              <th scope="row">{a.agency.name}</th>
              <td class="num" data-label={t('late.col.assigned')}>
                <Link href={list(a, ofYear)} data-figure="assigned">{formatNumber(a.assigned)}</Link>
              </td>
              <td class="num" data-label={t('late.col.answered')}>
                <Link href={list(a, `${ofYear}&answered=any`)} data-figure="answered">{formatNumber(a.answered)}</Link>
              </td>
              <td class="num" data-label={t('late.col.on_time_pct')}>
                {a.on_time_pct === null ? '—' : <Link href={list(a, `${ofYear}&answered=on_time`)} data-figure="on_time">{formatPct(a.on_time_pct)}</Link>}
                {a.answered_late > 0 && (
                  <span class="tile-sub">
                    <Link href={list(a, `${ofYear}&answered=late`)} data-figure="late">{t('late.late', { n: formatNumber(a.answered_late) })}</Link>
                  </span>
                )}
              </td>
              <td class="num" data-label={t('late.col.overdue')}>
                <Link href={list(a, '&overdue=1')} data-figure="overdue">{formatNumber(a.overdue)}</Link>
              </td>
              <td class="num" data-label={t('late.col.oldest_overdue_days')}>
                {a.oldest_overdue_days === null ? '—' : <Link href={list(a, '&overdue=1&sort=due_on')} data-figure="oldest">{t('late.days', { n: formatNumber(a.oldest_overdue_days) })}</Link>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
