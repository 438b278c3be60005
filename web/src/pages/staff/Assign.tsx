// The leader's assignment screen: forwarded petitions, one or many, to a lead agency with a due date.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Page, Petition } from '../../api/types';
import { CoordinatingAgencies, LeadAgency } from '../../components/AgencyPicker';
import { Async } from '../../components/Async';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { daysFromToday } from '../../format';
import { t } from '../../i18n';
import { agencies, categories, useList } from '../../reference';

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
  const [busy, setBusy] = useState(false);

  // Choosing one petition proposes its category's usual agency.
  const select = (ids: number[]) => {
    setSelected(ids);
    if (!lead && ids.length === 1) {
      const p = list.data?.items.find((x) => x.id === ids[0]);
      const c = cats.find((x) => x.code === p?.categories[0]);
      if (c?.default_agency) setLead(String(c.default_agency.id));
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setError('');
    if (!selected.length) return setError(t('batches.selectSome'));
    setBusy(true);
    try {
      await api('/petitions/bulk-transitions', {
        json: { petition_ids: selected, action: 'assign', lead_agency_id: Number(lead) || undefined, coordinating_agency_ids: coord.map(Number), due_on: due || undefined },
      });
      notify(t('assign.done', { n: selected.length }));
      setSelected([]);
      setCoord([]);
      setDue('');
      setLead('');
      list.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setError(err.summary);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('assign.title')}</h1>
      <p class="lead">{t('assign.lead')}</p>
      <Async state={list} empty={t('assign.empty')}>
        {(p) => (
          <form class="form assign-form" onSubmit={submit} noValidate>
            <PetitionCards items={p.items} selected={selected} onSelect={select} />
            <div class="sticky-actions">
              <FormError message={error} />
              <LeadAgency id="lead_agency_id" label={t('field.lead_agency_id')} agencies={ags} value={lead} onValue={setLead} error={errors.lead_agency_id} required />
              <details>
                <summary>{t('field.coordinating_agency_ids')}</summary>
                <CoordinatingAgencies id="coordinating_agency_ids" label={t('field.coordinating_agency_ids')} agencies={ags} exclude={lead} values={coord} onValues={setCoord} error={errors.coordinating_agency_ids} />
              </details>
              <Input id="due_on" type="date" label={t('field.due_on')} hint={t('field.due_on.hint')} min={daysFromToday(1)} value={due} onValue={setDue} error={errors.due_on} />
              <button type="submit" class="btn btn-primary" disabled={busy || !selected.length}>
                {busy ? t('common.sending') : t('assign.submit', { n: selected.length })}
              </button>
            </div>
          </form>
        )}
      </Async>
    </>
  );
}
