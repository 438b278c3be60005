// The letterheads of reports (administrator): each from the day it applies; add, edit, delete.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Letterhead } from '../../api/types';
import { itemsOf } from '../../api/types';
import { Async } from '../../components/Async';
import { ConfirmButton } from '../../components/Confirm';
import { FormError, Input } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, todayIso } from '../../format';
import { t } from '../../i18n';

type Values = { valid_from: string; parent_body: string; issuing_body: string; place_name: string };

export default function AdminLetterheads() {
  usePageTitle(t('letterheads.title'));
  const list = useFetch((signal) => api<Letterhead[] | { items: Letterhead[] }>('/letterheads', { signal }).then(itemsOf), []);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = async (l: Letterhead) => {
    await api(`/letterheads/${l.id}`, { method: 'DELETE' });
    notify(t('letterheads.deleted'));
    list.reload();
  };
  return (
    <>
      <h1>{t('letterheads.title')}</h1>
      <p class="lead">{t('letterheads.lead')}</p>
      <Async state={list} isEmpty={(x) => x.length === 0} empty={t('letterheads.empty')}>
        {(items) => (
          <ul class="cards" data-testid="letterheads">
            {[...items]
              .sort((a, b) => b.valid_from.localeCompare(a.valid_from))
              .map((l) => (
                <li key={l.id} class="card" data-testid="letterhead">
                  <div class="card-head">
                    <strong>
                      {t('letterheads.valid_from')}: {formatDate(l.valid_from)}
                    </strong>
                  </div>
                  <div class="letterhead-preview">
                    <span>{l.parent_body}</span>
                    <strong>{l.issuing_body}</strong>
                    <em>{l.place_name}</em>
                  </div>
                  <div class="actions">
                    <button type="button" class="btn btn-small" aria-expanded={editing === l.id ? 'true' : 'false'} aria-label={t('letterheads.editFor', { date: formatDate(l.valid_from) })} onClick={() => setEditing(editing === l.id ? null : l.id)}>
                      {t('common.edit')}
                    </button>
                    <ConfirmButton small danger label={t('common.delete')} ariaLabel={t('letterheads.deleteFor', { date: formatDate(l.valid_from) })} question={t('letterheads.delete.confirm', { date: formatDate(l.valid_from) })} onConfirm={() => remove(l)} />
                  </div>
                  {editing === l.id && (
                    <LetterheadForm
                      id={`lh-${l.id}`}
                      initial={l}
                      submitLabel={t('common.save')}
                      save={(v) => api(`/letterheads/${l.id}`, { method: 'PATCH', json: v })}
                      onSaved={() => {
                        notify(t('letterheads.saved'));
                        setEditing(null);
                        list.reload();
                      }}
                    />
                  )}
                </li>
              ))}
          </ul>
        )}
      </Async>
      <section class="panel" aria-labelledby="lh-new-h">
        <h2 id="lh-new-h">{t('letterheads.new')}</h2>
        <LetterheadForm
          id="lh-new"
          initial={{ valid_from: todayIso(), parent_body: '', issuing_body: '', place_name: '' }}
          submitLabel={t('letterheads.new')}
          reset
          save={(v) => api('/letterheads', { json: v })}
          onSaved={(v) => {
            notify(t('letterheads.created', { date: formatDate(v.valid_from) }));
            list.reload();
          }}
        />
      </section>
    </>
  );
}

function LetterheadForm({ id, initial, submitLabel, save, onSaved, reset }: { id: string; initial: Values; submitLabel: string; save: (v: Values) => Promise<unknown>; onSaved: (v: Values) => void; reset?: boolean }) {
  const [v, setV] = useState<Values>({ valid_from: initial.valid_from, parent_body: initial.parent_body, issuing_body: initial.issuing_body, place_name: initial.place_name });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const clean = { valid_from: v.valid_from, parent_body: v.parent_body.trim(), issuing_body: v.issuing_body.trim(), place_name: v.place_name.trim() };
    try {
      await save(clean);
      onSaved(clean);
      if (reset) setV({ ...initial });
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <Input id={`${id}-valid_from`} type="date" label={t('letterheads.valid_from')} value={v.valid_from} onValue={set('valid_from')} error={errors.valid_from} required />
      <div class="row">
        <Input id={`${id}-parent`} label={t('letterheads.parent_body')} hint={t('letterheads.parent_body.hint')} value={v.parent_body} onValue={set('parent_body')} error={errors.parent_body} required />
        <Input id={`${id}-issuing`} label={t('letterheads.issuing_body')} hint={t('letterheads.issuing_body.hint')} value={v.issuing_body} onValue={set('issuing_body')} error={errors.issuing_body} required />
      </div>
      <Input id={`${id}-place`} label={t('letterheads.place_name')} hint={t('letterheads.place_name.hint')} value={v.place_name} onValue={set('place_name')} error={errors.place_name} required />
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
