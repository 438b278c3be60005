// Registering a cooperative, or changing its record; the API's field errors show by each field.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Cooperative, CooperativeInput, CooperativePatch } from '../../api/types';
import { COOP_STATUSES, KINDS, SECTORS } from '../../api/types';
import { ErrorState, Loading } from '../../components/Async';
import { CheckGroup, FormError, Input, Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { usePageTitle } from '../../components/usePageTitle';
import { todayIso } from '../../format';
import { label, t } from '../../i18n';
import { communes, districts, UNITS_AS_OF, useList } from '../../reference';
import { navigate } from '../../router';
import type { PageProps } from '../../routes';

type Values = {
  kind: string; name: string; registration_code: string; district: string; commune_code: string; address: string;
  sectors: string[]; founded_on: string; charter_capital_vnd: string; status: string;
  rep_name: string; rep_title: string; rep_phone: string; rep_email: string;
};

const blank: Values = {
  kind: 'htx', name: 'Hợp tác xã ', registration_code: '', district: '', commune_code: '', address: '', sectors: [], founded_on: '',
  charter_capital_vnd: '', status: 'active', rep_name: '', rep_title: '', rep_phone: '', rep_email: '',
};

function fromCoop(c: Cooperative): Values {
  return {
    kind: c.kind, name: c.name, registration_code: c.registration_code ?? '', district: c.district?.code ?? '', commune_code: c.commune?.code ?? '',
    address: c.address, sectors: [...c.sectors], founded_on: c.founded_on ?? '', charter_capital_vnd: c.charter_capital_vnd === null ? '' : String(c.charter_capital_vnd),
    status: c.status, rep_name: c.representative.name, rep_title: c.representative.title, rep_phone: c.representative.phone ?? '', rep_email: c.representative.email ?? '',
  };
}

/** "1.000.000" or "1 000 000" as a number; anything else is sent as typed, for the server to refuse by its field. */
function capital(s: string): number | null {
  const compact = s.trim().replace(/[.\s]/g, '');
  if (compact === '') return null;
  return /^\d{1,18}$/.test(compact) ? Number(compact) : (s.trim() as unknown as number);
}

function toInput(v: Values): CooperativeInput {
  return {
    kind: v.kind as CooperativeInput['kind'], name: v.name.trim(), registration_code: v.registration_code.trim() || null,
    commune_code: v.commune_code, commune_as_of: UNITS_AS_OF, address: v.address.trim(), sectors: v.sectors as CooperativeInput['sectors'],
    founded_on: v.founded_on || null, charter_capital_vnd: capital(v.charter_capital_vnd),
    status: v.status as CooperativeInput['status'],
    representative: { name: v.rep_name.trim(), title: v.rep_title.trim(), phone: v.rep_phone.trim(), email: v.rep_email.trim() },
  };
}

/** Only what changed, for PATCH. */
function diff(a: CooperativeInput, b: CooperativeInput): CooperativePatch {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b) as (keyof CooperativeInput)[]) {
    if (k === 'commune_as_of') continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  }
  if ('commune_code' in out) out.commune_as_of = UNITS_AS_OF;
  return out as CooperativePatch;
}

export default function CooperativeForm({ params }: PageProps) {
  const editing = !!params.id;
  const [orig, setOrig] = useState<Cooperative | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [v, setV] = useState<Values>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const dists = useList(districts);
  const comms = useList(() => (v.district ? communes(v.district) : Promise.resolve([])), [v.district]);
  usePageTitle(editing ? t('form.edit.title', { name: orig?.name ?? '' }) : t('form.new.title'));

  useEffect(() => {
    if (!editing) return;
    api<Cooperative>(`/cooperatives/${params.id}`).then(
      (c) => {
        setOrig(c);
        setV(fromCoop(c));
      },
      (e) => setLoadError(e as ApiError),
    );
  }, [params.id]);

  if (editing && loadError) return <ErrorState message={loadError.summary} />;
  if (editing && !orig) return <Loading />;

  const set = (k: keyof Values) => (x: string) => setV({ ...v, [k]: x, ...(k === 'district' ? { commune_code: '' } : {}) });
  const err = (k: string) => errors[k];

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      let c: Cooperative;
      if (editing && orig) {
        c = await api<Cooperative>(`/cooperatives/${orig.id}`, { method: 'PATCH', json: diff(toInput(fromCoop(orig)), toInput(v)), ifMatch: orig.version });
        notify(t('form.saved'));
      } else {
        c = await api<Cooperative>('/cooperatives', { json: toInput(v) });
        notify(t('form.created'));
      }
      navigate(`/register/${c.id}`);
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.status === 412 ? t('form.conflict') : x.errors.length ? t('common.fixErrors') : x.summary);
      // Bring the first wrong field into view for keyboard users.
      setTimeout(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="form-page">
      <p class="crumbs">
        <Link href={editing ? `/register/${params.id}` : '/register'}>{editing ? orig?.name : t('register.title')}</Link>
      </p>
      <h1>{editing ? t('form.edit.title', { name: orig?.name ?? '' }) : t('form.new.title')}</h1>
      <form class="form" onSubmit={submit} noValidate>
        <FormError message={error} />
        <div class="row">
          <Select id="kind" label={t('coop.kind')} value={v.kind} onValue={set('kind')} error={err('kind')} required placeholder={false} options={KINDS.map((k) => ({ value: k, label: label('kind', k) }))} />
          <Select id="status" label={t('coop.status')} value={v.status} onValue={set('status')} error={err('status')} placeholder={false} options={COOP_STATUSES.map((s) => ({ value: s, label: label('cstatus', s) }))} />
        </div>
        <Input id="name" label={t('coop.name')} value={v.name} onValue={set('name')} error={err('name')} required maxLength={200} />
        <Input id="registration_code" label={t('coop.registration_code')} hint={t('coop.registration_code.hint')} inputMode="numeric" value={v.registration_code} onValue={set('registration_code')} error={err('registration_code')} />
        <div class="row">
          <Select id="district" label={t('coop.district')} value={v.district} onValue={set('district')} required options={dists.map((d) => ({ value: d.code, label: d.name }))} />
          <Select id="commune_code" label={t('coop.commune')} value={v.commune_code} onValue={set('commune_code')} error={err('commune_code') ?? err('commune_as_of')} required disabled={!v.district} options={comms.map((c) => ({ value: c.code, label: c.name }))} />
        </div>
        <Input id="address" label={t('coop.address')} value={v.address} onValue={set('address')} error={err('address')} required maxLength={300} />
        <CheckGroup id="sectors" legend={t('coop.sectors')} hint={t('coop.sectors.hint')} columns values={v.sectors} onValues={(s) => setV({ ...v, sectors: s })} error={err('sectors')} required options={SECTORS.map((s) => ({ value: s, label: label('sector', s) }))} />
        <div class="row">
          <Input id="founded_on" type="date" label={t('coop.founded_on')} max={todayIso()} value={v.founded_on} onValue={set('founded_on')} error={err('founded_on')} />
          <Input id="charter_capital_vnd" label={t('coop.charter_capital_vnd')} inputMode="numeric" value={v.charter_capital_vnd} onValue={set('charter_capital_vnd')} error={err('charter_capital_vnd')} />
        </div>
        <fieldset class="group">
          <legend>{t('coop.representative')}</legend>
          <div class="row">
            <Input id="rep_name" label={t('coop.rep.name')} value={v.rep_name} onValue={set('rep_name')} error={err('representative.name')} />
            <Input id="rep_title" label={t('coop.rep.title')} value={v.rep_title} onValue={set('rep_title')} error={err('representative.title')} />
          </div>
          <div class="row">
            <Input id="rep_phone" type="tel" label={t('coop.rep.phone')} value={v.rep_phone} onValue={set('rep_phone')} error={err('representative.phone')} />
            <Input id="rep_email" type="email" label={t('coop.rep.email')} value={v.rep_email} onValue={set('rep_email')} error={err('representative.email') ?? err('representative')} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <Link href={editing ? `/register/${params.id}` : '/register'} class="btn">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
