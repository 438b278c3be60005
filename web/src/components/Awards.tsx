// The awarded cooperatives (public): grouped by year and award, with the decision.
import { api } from '../api/client';
import type { Nomination, Page } from '../api/types';
import { formatDate } from '../format';
import { label, t } from '../i18n';
import { Link } from './Link';

/** The awards, optionally of one year, level or cooperative (GET /api/v1/awards). */
export async function loadAwards(query: { year?: string; level?: string; cooperative?: string | number }, signal: AbortSignal): Promise<Nomination[]> {
  return (await api<Page<Nomination>>('/awards', { query, signal })).items;
}

type Group = { key: string; year: number; level: string; decision_no: string | null; decided_on: string | null; signer: string | null; items: Nomination[] };

function groups(items: Nomination[]): Group[] {
  const out: Group[] = [];
  for (const n of items) {
    const key = `${n.year}:${n.level}`;
    let g = out.find((x) => x.key === key);
    if (!g) {
      g = { key, year: n.year, level: n.level, decision_no: n.decision_no, decided_on: n.decided_on, signer: n.signer, items: [] };
      out.push(g);
    }
    g.items.push(n);
  }
  return out;
}

export function AwardGroups({ items }: { items: Nomination[] }) {
  return (
    <div data-testid="awards">
      {groups(items).map((g) => (
        <section key={g.key} class="award-group" aria-labelledby={`ag-${g.key.replace(':', '-')}`}>
          <h2 id={`ag-${g.key.replace(':', '-')}`} class="h3">
            {t('awards.group', { level: label('level', g.level), year: g.year })}
          </h2>
          <p class="meta">
            {g.decision_no && t('award.decision', { no: g.decision_no, date: formatDate(g.decided_on) })} · {t('awards.count', { n: g.items.length })}
          </p>
          <ol class="award-list">
            {g.items.map((n) => (
              <li key={n.id}>
                <Link href={`/cooperatives/${n.cooperative.id}`}>{n.cooperative.name}</Link>
                <span class="meta">{n.achievement}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** A cooperative's awards, one line each. */
export function CoopAwards({ items }: { items: Nomination[] }) {
  if (!items.length) return <p class="state state-empty">{t('coop.awards.none')}</p>;
  return (
    <ul class="cards" data-testid="coop-awards">
      {items.map((n) => (
        <li key={n.id} class="card">
          <strong>{t('coop.award.line', { level: label('level', n.level), year: n.year })}</strong>
          <p class="meta">
            {n.decision_no && t('award.decision', { no: n.decision_no, date: formatDate(n.decided_on) })}
            {n.signer && <> · {n.signer}</>}
          </p>
          <p>{n.achievement}</p>
        </li>
      ))}
    </ul>
  );
}
