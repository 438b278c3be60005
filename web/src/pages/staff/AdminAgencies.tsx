// The administrator's agencies: every one, retired too; add, rename, retire, merge into another
// (saying first what moves).
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { AgencyAdmin, MergeResult, Page } from '../../api/types';
import { AGENCY_KINDS } from '../../api/types';
import { Async } from '../../components/Async';
import { Badge } from '../../components/Badges';
import { ConfirmButton } from '../../components/Confirm';
import { FormError, Input, Select } from '../../components/Field';
import { notify } from '../../components/Notices';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../format';
import { label, t } from '../../i18n';
import { forget, newCommunes, useList } from '../../reference';

export default function AdminAgencies() {
  usePageTitle(t('agencies.title'));
  const list = useFetch((signal) => api<Page<AgencyAdmin>>('/agencies', { query: { include_retired: 'true' }, signal }), []);
  const changed = () => {
    forget('agencies');
    list.reload();
  };
  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <p class="lead">{t('agencies.lead')}</p>
      <details class="panel">
        <summary>{t('agencies.new')}</summary>
        <NewAgency onCreated={changed} />
      </details>
      <Async state={list} isEmpty={() => false}>
        {(p) => (
          <ul class="cards" data-testid="agencies">
            {p.items.map((a) => (
              <AgencyCard key={a.id} a={a} all={p.items} onChanged={changed} />
            ))}
          </ul>
        )}
      </Async>
    </>
  );
}

function AgencyCard({ a, all, onChanged }: { a: AgencyAdmin; all: AgencyAdmin[]; onChanged: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [into, setInto] = useState('');
  const active = a.active !== false && !a.retired_on;
  const target = all.find((x) => String(x.id) === into);
  const mergedInto = a.merged_into ? all.find((x) => x.id === a.merged_into) : undefined;
  const retire = async () => {
    await api(`/agencies/${a.id}/retire`, { method: 'POST' });
    notify(t('agencies.retired', { name: a.name }));
    onChanged();
  };
  const merge = async () => {
    const r = await api<MergeResult>(`/agencies/${a.id}/merge`, { json: { into: Number(into) } });
    notify(t('agencies.merged', { p: r.petitions_moved, d: r.directives_moved, into: target?.name ?? '' }));
    onChanged();
  };
  return (
    <li class="card" data-testid="agency">
      <div class="card-head">
        <strong>{a.name}</strong>
        <span class="code">{a.code}</span>
        {active ? <Badge kind="u-active" text={t('agencies.active')} /> : <Badge kind="u-disabled" text={mergedInto ? t('agencies.mergedInto', { name: mergedInto.name }) : t('agencies.retiredOn', { date: formatDate(a.retired_on) })} />}
      </div>
      <p class="meta">
        {a.short_name} · {label('akind', a.kind)}
        {a.commune && ` · ${a.commune.name} (${a.commune.code})`}
        {!active && a.retired_on && mergedInto && ` · ${t('agencies.retiredOn', { date: formatDate(a.retired_on) })}`}
      </p>
      {active && (
        <div class="actions">
          <button type="button" class="btn btn-small" aria-expanded={renaming ? 'true' : 'false'} aria-label={t('agencies.renameFor', { name: a.name })} onClick={() => setRenaming(!renaming)}>
            {t('agencies.rename')}
          </button>
          <ConfirmButton small danger label={t('agencies.retire')} ariaLabel={t('agencies.retireFor', { name: a.name })} question={t('agencies.retire.confirm', { name: a.name })} onConfirm={retire} />
        </div>
      )}
      {active && renaming && (
        <Rename
          a={a}
          onDone={() => {
            setRenaming(false);
            onChanged();
          }}
        />
      )}
      {active && (
        <details class="merge">
          <summary>{t('agencies.merge')}</summary>
          <Select id={`merge-${a.id}`} label={t('agencies.mergeFor', { name: a.name })} value={into} onValue={setInto} options={all.filter((x) => x.id !== a.id && x.active !== false && !x.retired_on).map((x) => ({ value: String(x.id), label: x.name }))} />
          <ConfirmButton danger disabled={!target} label={t('agencies.merge.do')} question={t('agencies.merge.confirm', { name: a.name, into: target?.name ?? '' })} onConfirm={merge} />
        </details>
      )}
    </li>
  );
}

function Rename({ a, onDone }: { a: AgencyAdmin; onDone: () => void }) {
  const [v, setV] = useState({ name: a.name, short_name: a.short_name });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setError('');
    try {
      await api(`/agencies/${a.id}`, { method: 'PATCH', json: { name: v.name.trim(), short_name: v.short_name.trim() } });
      notify(t('agencies.renamed'));
      onDone();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    }
  };
  return (
    <form class="form action-form" onSubmit={submit} noValidate>
      <FormError message={error} />
      <div class="row">
        <Input id={`ag-${a.id}-name`} label={t('agencies.name')} value={v.name} onValue={(x) => setV({ ...v, name: x })} error={errors.name} required />
        <Input id={`ag-${a.id}-short`} label={t('agencies.short_name')} value={v.short_name} onValue={(x) => setV({ ...v, short_name: x })} error={errors.short_name} required />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function NewAgency({ onCreated }: { onCreated: () => void }) {
  const blank = { code: '', name: '', short_name: '', kind: 'department', commune_code: '' };
  const communes = useList(newCommunes);
  const [v, setV] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof blank) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      const a = await api<AgencyAdmin>('/agencies', { json: { code: v.code.trim(), name: v.name.trim(), short_name: v.short_name.trim() || v.name.trim(), kind: v.kind, ...(v.kind === 'commune' ? { commune_code: v.commune_code } : {}) } });
      notify(t('agencies.created', { name: a.name }));
      setV(blank);
      onCreated();
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
      <div class="row">
        <Input id="ag-code" label={t('agencies.code')} hint={t('agencies.code.hint')} value={v.code} onValue={set('code')} error={errors.code} required autoCapitalize="none" spellcheck={false} />
        <Select id="ag-kind" label={t('agencies.kind')} value={v.kind} onValue={set('kind')} error={errors.kind} required placeholder={false} options={AGENCY_KINDS.filter((k) => k !== 'district').map((k) => ({ value: k, label: label('akind', k) }))} />
      </div>
      {v.kind === 'commune' && (
        <div class="row">
          <Select id="ag-commune" label={t('agencies.commune')} hint={t('agencies.commune.hint')} value={v.commune_code} onValue={set('commune_code')} error={errors.commune_code} required options={communes.map((c) => ({ value: c.code, label: c.name }))} />
        </div>
      )}
      <div class="row">
        <Input id="ag-name" label={t('agencies.name')} value={v.name} onValue={set('name')} error={errors.name} required />
        <Input id="ag-short" label={t('agencies.short_name')} value={v.short_name} onValue={set('short_name')} error={errors.short_name} />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('agencies.new')}
        </button>
      </div>
    </form>
  );
}
