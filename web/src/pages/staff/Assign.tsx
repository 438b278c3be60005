// The leader's assignment screen: forwarded petitions, filtered and grouped by batch and
// category, read in place, given (one or many) to a lead agency with a due date — after a
// question that names how many, to whom and by when, and a warning when the agency is not the
// usual one for a petition's category.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Category, Page, Petition } from '../../api/types';
import { CoordinatingAgencies, LeadAgency } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { ConfirmButton } from '../../components/Confirm';
import { FormError, Input, Select } from '../../components/Field';
import { notify } from '../../components/Notices';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { daysFromToday, formatDate, formatNumber } from '../../format';
import { t } from '../../i18n';
import { agencies, categories, categoryName, useList } from '../../reference';

type Group = 'none' | 'batch' | 'category';
const batchKey = (p: Petition) => (p.batch ? String(p.batch.id) : 'none');
const batchName = (p: Petition) => (p.batch ? p.batch.number : t('assign.noBatch'));

/** The selected petitions whose main category usually goes to another agency. */
export function unusual(items: Petition[], cats: Category[], lead: string) {
  if (!lead) return [];
  return items.flatMap((p) => {
    const c = cats.find((x) => x.code === p.categories[0]);
    return c?.default_agency && String(c.default_agency.id) !== lead ? [{ p, c }] : [];
  });
}

export default function Assign() {
  usePageTitle(t('assign.title'));
  const ags = useList(agencies);
  const cats = useList(categories);
  const list = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { status: 'forwarded', sort: 'created_at', per_page: 200 }, signal }), []);
  const [selected, setSelected] = useState<number[]>([]);
  const [lead, setLead] = useState('');
  const [coord, setCoord] = useState<string[]>([]);
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [batch, setBatch] = useState('');
  const [category, setCategory] = useState('');
  const [group, setGroup] = useState<Group>('none');

  // Choosing one petition proposes its category's usual agency.
  const select = (ids: number[]) => {
    setSelected(ids);
    if (!lead && ids.length === 1) {
      const p = list.data?.items.find((x) => x.id === ids[0]);
      const c = cats.find((x) => x.code === p?.categories[0]);
      if (c?.default_agency) setLead(String(c.default_agency.id));
    }
  };

  const assign = async () => {
    setErrors({});
    setError('');
    try {
      await api('/petitions/bulk-transitions', {
        json: { petition_ids: selected, action: 'assign', lead_agency_id: Number(lead) || undefined, coordinating_agency_ids: coord.map(Number), due_on: due || undefined },
      });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      throw err;
    }
    notify(t('assign.done', { n: selected.length }));
    setSelected([]);
    setCoord([]);
    setDue('');
    setLead('');
    list.reload();
  };

  return (
    <>
      <h1>{t('assign.title')}</h1>
      <p class="lead">{t('assign.lead')}</p>
      <Async state={list} empty={t('assign.empty')}>
        {(p) => {
          const batches = [...new Map(p.items.map((x) => [batchKey(x), batchName(x)])).entries()];
          const shown = p.items.filter((x) => (!batch || batchKey(x) === batch) && (!category || x.categories.includes(category)));
          const chosen = p.items.filter((x) => selected.includes(x.id));
          const odd = unusual(chosen, cats, lead);
          const leadName = ags.find((a) => String(a.id) === lead)?.name ?? '';
          const groups = group === 'none' ? [['', shown] as const] : groupBy(shown, group, cats);
          const question = [
            t('assign.confirm', { n: formatNumber(chosen.length), agency: leadName, due: due ? formatDate(due) : t('assign.due.default') }),
            coord.length ? t('assign.confirm.coord', { names: coord.map((c) => ags.find((a) => String(a.id) === c)?.name ?? c).join(', ') }) : '',
            odd.length ? t('assign.confirm.unusual', { n: odd.length }) : '',
          ].filter(Boolean).join(' ');
          return (
            <form class="form assign-form" onSubmit={(e) => e.preventDefault()} noValidate>
              <fieldset class="filters">
                <legend>{t('assign.filters')}</legend>
                <Select id="assign-batch" label={t('assign.batch')} value={batch} onValue={setBatch} placeholder={t('common.all')} options={batches.map(([k, n]) => ({ value: k, label: n }))} />
                <Select id="assign-category" label={t('petition.category')} value={category} onValue={setCategory} placeholder={t('common.all')} options={cats.map((c) => ({ value: c.code, label: categoryName(cats, c.code) }))} />
                <Select id="assign-group" label={t('assign.group')} value={group} onValue={(v) => setGroup(v as Group)} placeholder={false} options={(['none', 'batch', 'category'] as const).map((g) => ({ value: g, label: t(`assign.group.${g}`) }))} />
              </fieldset>
              <p class="count" role="status">{t('assign.shown', { n: shown.length, m: p.items.length, k: chosen.length })}</p>
              {groups.map(([title, items]) => (
                <section key={title} class="assign-group" aria-label={title || undefined}>
                  {title && <h2 class="group-title">{title}</h2>}
                  <PetitionCards items={[...items]} selected={selected} onSelect={(ids) => select(mergeSelection(selected, items, ids))} extra={(x) => <Content p={x} />} />
                </section>
              ))}
              <div class="sticky-actions">
                <FormError message={error} />
                <LeadAgency id="lead_agency_id" label={t('field.lead_agency_id')} agencies={ags} value={lead} onValue={setLead} error={errors.lead_agency_id} required />
                {odd.length > 0 && (
                  <div class="notice-inline notice-warn" data-testid="unusual-agency">
                    <p>{t('assign.unusual')}</p>
                    <ul>
                      {odd.map(({ p: x, c }) => (
                        <li key={x.id}>{t('assign.unusual.item', { code: x.code, category: categoryName(cats, c.code), agency: c.default_agency!.name })}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <details>
                  <summary>{t('field.coordinating_agency_ids')}</summary>
                  <CoordinatingAgencies id="coordinating_agency_ids" label={t('field.coordinating_agency_ids')} agencies={ags} exclude={lead} values={coord} onValues={setCoord} error={errors.coordinating_agency_ids} />
                </details>
                <Input id="due_on" type="date" label={t('field.due_on')} hint={t('field.due_on.hint')} min={daysFromToday(1)} value={due} onValue={setDue} error={errors.due_on} />
                {!chosen.length || !lead ? (
                  <>
                    <button type="button" class="btn btn-primary" onClick={() => setError(chosen.length ? t('assign.needLead') : t('batches.selectSome'))}>
                      {t('assign.submit', { n: chosen.length })}
                    </button>
                  </>
                ) : (
                  <ConfirmButton label={t('assign.submit', { n: chosen.length })} question={question} onConfirm={assign} />
                )}
              </div>
            </form>
          );
        }}
      </Async>
    </>
  );
}

function Content({ p }: { p: Petition }) {
  return (
    <details class="petition-content">
      <summary>{t('assign.content')}</summary>
      <p class="prewrap">{p.content}</p>
    </details>
  );
}

function groupBy(items: Petition[], by: 'batch' | 'category', cats: Category[]) {
  const m = new Map<string, Petition[]>();
  for (const p of items) {
    const k = by === 'batch' ? batchName(p) : categoryName(cats, p.categories[0] ?? '');
    m.set(k, [...(m.get(k) ?? []), p]);
  }
  return [...m.entries()];
}

/** A group's "select all" changes only that group's petitions. */
function mergeSelection(all: number[], group: readonly Petition[], groupIds: number[]) {
  const inGroup = new Set(group.map((p) => p.id));
  return [...all.filter((id) => !inGroup.has(id)), ...groupIds.filter((id) => !all.includes(id) || inGroup.has(id))];
}
