// A cooperative's own space: its record, the contact details and yearly figures it keeps up to
// date, its products and its petitions.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Cooperative, Page, Petition, Product, Year, YearInput } from '../../api/types';
import { CLASSIFICATIONS } from '../../api/types';
import { Async } from '../../components/Async';
import { CooperativeFacts, ProductList, YearsTable } from '../../components/CooperativeParts';
import { FormError, Input, Select } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { PetitionCards } from '../../components/PetitionCards';
import { useFetch } from '../../components/useFetch';
import { usePageTitle } from '../../components/usePageTitle';
import { label, t } from '../../i18n';
import { useSession } from '../../session';

export default function MyCoop() {
  const { user } = useSession();
  const id = user?.cooperative_id;
  usePageTitle(t('my.title'));
  const coop = useFetch((signal) => api<Cooperative>(`/cooperatives/${id}`, { signal }), [id]);
  const years = useFetch((signal) => api<Page<Year>>(`/cooperatives/${id}/years`, { signal }), [id]);
  const products = useFetch((signal) => api<Page<Product>>(`/cooperatives/${id}/products`, { signal }), [id]);
  const petitions = useFetch((signal) => api<Page<Petition>>('/petitions', { query: { cooperative: id ?? undefined, per_page: 5 }, signal }), [id]);
  return (
    <>
      <h1>{coop.data?.name ?? t('my.title')}</h1>
      <section aria-labelledby="my-pet-h">
        <h2 id="my-pet-h">{t('my.petitions')}</h2>
        <p class="actions">
          <Link href="/petitions/new" class="btn btn-primary">
            {t('nav.newPetition')}
          </Link>
          <Link href="/petitions" class="btn">
            {t('common.viewAll')}
          </Link>
        </p>
        <Async state={petitions} empty={t('petition.list.empty')}>
          {(p) => <PetitionCards items={p.items} />}
        </Async>
      </section>
      <Async state={coop} isEmpty={() => false}>
        {(c) => (
          <>
            <CooperativeFacts c={c} contact />
            <details class="panel">
              <summary>{t('my.contact')}</summary>
              <ContactForm c={c} onDone={coop.reload} />
            </details>
          </>
        )}
      </Async>
      <section aria-labelledby="my-years-h">
        <h2 id="my-years-h">{t('coop.years')}</h2>
        <Async state={years} isEmpty={() => false}>
          {(y) => (
            <>
              <YearsTable items={y.items} />
              <details class="panel">
                <summary>{t('my.year')}</summary>
                <YearForm id={id!} years={y.items} onDone={years.reload} />
              </details>
            </>
          )}
        </Async>
      </section>
      <section aria-labelledby="my-products-h">
        <h2 id="my-products-h">{t('coop.products')}</h2>
        <Async state={products} isEmpty={() => false}>
          {(p) => <ProductList items={p.items} />}
        </Async>
      </section>
    </>
  );
}

function ContactForm({ c, onDone }: { c: Cooperative; onDone: () => void }) {
  const [v, setV] = useState({ address: c.address, name: c.representative.name, title: c.representative.title, phone: c.representative.phone ?? '', email: c.representative.email ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    try {
      await api(`/cooperatives/${c.id}`, { method: 'PATCH', ifMatch: c.version, json: { address: v.address.trim(), representative: { name: v.name.trim(), title: v.title.trim(), phone: v.phone.trim(), email: v.email.trim() } } });
      notify(t('form.saved'));
      onDone();
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.status === 412 ? t('form.conflict') : x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <p class="hint">{t('my.contact.hint')}</p>
      <FormError message={error} />
      <Input id="my-address" label={t('coop.address')} value={v.address} onValue={set('address')} error={errors.address} required />
      <div class="row">
        <Input id="my-rep-name" label={t('coop.rep.name')} value={v.name} onValue={set('name')} error={errors['representative.name']} />
        <Input id="my-rep-title" label={t('coop.rep.title')} value={v.title} onValue={set('title')} error={errors['representative.title']} />
      </div>
      <div class="row">
        <Input id="my-rep-phone" type="tel" label={t('coop.rep.phone')} value={v.phone} onValue={set('phone')} error={errors['representative.phone']} />
        <Input id="my-rep-email" type="email" label={t('coop.rep.email')} value={v.email} onValue={set('email')} error={errors['representative.email']} />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

const NUMS = ['members_official', 'members_associate', 'workers', 'revenue_vnd', 'profit_vnd', 'avg_income_vnd'] as const;

function YearForm({ id, years, onDone }: { id: number; years: Year[]; onDone: () => void }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear - 1));
  const [v, setV] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Start from the figures on file for the chosen year.
  useEffect(() => {
    const y = years.find((x) => String(x.year) === year);
    setV(y ? { ...Object.fromEntries(NUMS.map((k) => [k, String(y[k])])), classification_score: y.classification_score === null ? '' : String(y.classification_score), classification: y.classification ?? '' } : {});
  }, [year, years]);
  const set = (k: string) => (x: string) => setV({ ...v, [k]: x });
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    const num = (k: string) => Number((v[k] ?? '').replace(/[.\s]/g, '') || 0);
    const input: YearInput = { members_official: num('members_official'), members_associate: num('members_associate'), workers: num('workers'), revenue_vnd: num('revenue_vnd'), profit_vnd: num('profit_vnd'), avg_income_vnd: num('avg_income_vnd') };
    if (v.classification_score) input.classification_score = num('classification_score');
    else if (v.classification) input.classification = v.classification as YearInput['classification'];
    try {
      await api(`/cooperatives/${id}/years/${year}`, { method: 'PUT', json: input });
      notify(t('my.year.saved', { year }));
      onDone();
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
      <Select id="y-year" label={t('common.year')} value={year} onValue={setYear} placeholder={false} options={[0, 1, 2, 3].map((d) => String(thisYear - d)).map((y) => ({ value: y, label: y }))} />
      <div class="row row-3">
        {NUMS.map((k) => (
          <Input key={k} id={`y-${k}`} label={t(`year.${k}`)} inputMode="numeric" value={v[k] ?? ''} onValue={set(k)} error={errors[k]} required={k !== 'members_associate'} />
        ))}
        <Input id="y-score" label={t('year.classification_score')} inputMode="numeric" value={v.classification_score ?? ''} onValue={set('classification_score')} error={errors.classification_score} />
        <Select id="y-class" label={t('coop.classification')} value={v.classification ?? ''} onValue={set('classification')} error={errors.classification} options={CLASSIFICATIONS.map((c) => ({ value: c, label: label('class', c) }))} />
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
