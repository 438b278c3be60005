// A list of petitions as cards (readable on a phone), optionally with a checkbox on each.
import type { ComponentChildren } from 'preact';
import type { Petition } from '../api/types';
import { formatDate } from '../format';
import { label, t } from '../i18n';
import { categories, categoryName, useList } from '../reference';
import { Badge, StateBadge } from './Badges';
import { Link } from './Link';

type Props = {
  items: Petition[];
  selected?: number[];
  onSelect?: (ids: number[]) => void;
  extra?: (p: Petition) => ComponentChildren;
};

export function PetitionCards({ items, selected, onSelect, extra }: Props) {
  const cats = useList(categories);
  const toggle = (id: number, on: boolean) => onSelect?.(on ? [...(selected ?? []), id] : (selected ?? []).filter((x) => x !== id));
  return (
    <>
      {onSelect && (
        <label class="check select-all">
          <input type="checkbox" checked={items.length > 0 && items.every((p) => selected?.includes(p.id))} onChange={(e) => onSelect((e.currentTarget as HTMLInputElement).checked ? items.map((p) => p.id) : [])} />
          <span>{t('select.all')}</span>
        </label>
      )}
      <ul class="cards petitions" data-testid="petitions">
        {items.map((p) => (
          <li key={p.id} class={`card${selected?.includes(p.id) ? ' card-selected' : ''}`} data-code={p.code}>
            <div class="card-head">
              {onSelect && <input type="checkbox" class="card-check" aria-label={t('select.row', { code: p.code })} checked={selected?.includes(p.id)} onChange={(e) => toggle(p.id, (e.currentTarget as HTMLInputElement).checked)} />}
              <span class="code">{p.code}</span>
              <StateBadge state={p.state} />
              {p.overdue && <Badge kind="overdue" text={t('petition.overdue')} />}
              {p.due_soon && !p.overdue && <Badge kind="due-soon" text={t('petition.due_soon')} />}
              {p.answered_late && <Badge kind="late" text={t('petition.late')} />}
              {p.escalated && <Badge kind="escalated" text={t('petition.escalated')} />}
            </div>
            <h3>
              <Link href={`/petitions/${p.id}`}>{p.title}</Link>
            </h3>
            <p class="meta">
              {p.cooperatives.map((c) => c.name).join(', ')} · {p.categories.map((c) => categoryName(cats, c)).join(', ')} · {label('channel', p.channel)}
            </p>
            {(p.lead_agency || p.due_on) && (
              <p class="meta">
                {p.lead_agency && (
                  <>
                    {t('petition.lead')}: {p.lead_agency.name}
                  </>
                )}
                {p.due_on && (
                  <>
                    {' · '}
                    {t('petition.due_on')}: {formatDate(p.due_on)}
                  </>
                )}
              </p>
            )}
            {extra?.(p)}
          </li>
        ))}
      </ul>
    </>
  );
}
